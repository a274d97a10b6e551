import type { Parameter, ParameterType } from '@aws-sdk/client-ssm';
import type { TableSpec } from '../../store/store.js';

/** A parameter as stored: its latest version only (no history, labels or policies yet). */
export interface ParameterRecord {
  Region: string;
  Name: string;
  Type: ParameterType;
  Value: string;
  Version: number;
  /** Epoch milliseconds. */
  LastModifiedDate: number;
  Description?: string;
}

// Parameters are regional, as in AWS: the key starts with the region of the call's credential scope. Keys are
// ordered, so GetParametersByPath is a prefix scan.
export const parameters: TableSpec<ParameterRecord> = { name: 'ssmParameters', key: (p) => [p.Region, p.Name] };

/** `arn:aws:ssm:<region>:<account>:parameter/<name>`: a hierarchical name keeps one slash (SSM API reference, Parameter). */
export function parameterArn(record: ParameterRecord, accountId: string): string {
  return `arn:aws:ssm:${record.Region}:${accountId}:parameter/${record.Name.replace(/^\//, '')}`;
}

export function parameterToApi(record: ParameterRecord, accountId: string, withDecryption: boolean): Parameter {
  return {
    Name: record.Name,
    Type: record.Type,
    Value: record.Type === 'SecureString' && !withDecryption ? ciphertext(record.Value) : record.Value,
    Version: record.Version,
    LastModifiedDate: new Date(record.LastModifiedDate),
    ARN: parameterArn(record, accountId),
    DataType: 'text',
  };
}

// Without WithDecryption AWS answers a SecureString's KMS ciphertext, base64. cogniform has no KMS: it answers the
// value base64-encoded, so a caller that forgot WithDecryption sees something other than the plain value, as on AWS.
function ciphertext(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}
