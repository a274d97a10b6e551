import path from 'node:path';
import type { StackRecord } from '../iac/stacks/stackRecord.js';
import type { FunctionDefinition } from './definition.js';

// The functions the stacks declare (AWS::Lambda::Function), read from their resolved properties. Where the code
// comes from is only named here (./deployedFunctions.ts fetches and unpacks it): a host folder through
// serverless-localstack's `lambda.mountCode` marker (`Code: {S3Bucket: hot-reload, S3Key: <folder>}`, what
// cogniform's serverless compiler writes too; relative to the template when not absolute), a zip in the local S3
// (`Code: {S3Bucket, S3Key}`, what `serverless deploy` uploads), or inline source (`Code: {ZipFile}`).

/** LocalStack's and serverless-localstack's name for "run the code from this local folder". */
export const MOUNTED_CODE_BUCKET = 'hot-reload';

export type CodeSource =
  | { kind: 'folder'; dir: string }
  | { kind: 's3'; bucket: string; key: string }
  | { kind: 'inline'; source: string };

export interface StackFunction {
  stackName: string;
  logicalId: string;
  /** What the runtime runs, but for the code folder, which depends on `code`. */
  definition: Omit<FunctionDefinition, 'codeDir'>;
  code: CodeSource;
  /** What GetFunction reports and the runtime does not use. */
  description: string;
  role: string;
  architectures: string[];
  /** The resolved properties as last applied: when they change, the stack has deployed the function anew. */
  fingerprint: string;
}

export interface FunctionsOfStacks {
  functions: StackFunction[];
  /** One line per function that cannot run locally, saying why. */
  skipped: string[];
}

export function functionsOfStacks(stacks: StackRecord[], accountId: string): FunctionsOfStacks {
  const functions: StackFunction[] = [];
  const skipped: string[] = [];
  for (const stack of stacks) {
    for (const [logicalId, resource] of Object.entries(stack.Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const props = resource.Properties;
      const code = codeSource(stack, (props.Code ?? {}) as Record<string, unknown>);
      const where = `${stack.Name}/${logicalId} (${resource.PhysicalId})`;
      if (!code) {
        skipped.push(`${where}: its Code is neither {S3Bucket, S3Key} nor {ZipFile}, so it cannot run locally`);
        continue;
      }
      if (typeof props.Handler !== 'string') {
        skipped.push(`${where}: it has no Handler, so it cannot run locally`);
        continue;
      }
      const variables = ((props.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
      functions.push({
        stackName: stack.Name,
        logicalId,
        definition: {
          name: resource.PhysicalId,
          handler: props.Handler,
          ...(typeof props.Runtime === 'string' ? { runtime: props.Runtime } : {}),
          environment: Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, String(value)])),
          // Lambda's default timeout is 3 seconds (CreateFunction reference, Timeout).
          timeoutSeconds: props.Timeout === undefined ? 3 : Number(props.Timeout),
          ...(props.MemorySize !== undefined ? { memorySize: Number(props.MemorySize) } : {}),
          region: stack.Region,
          accountId,
          stackName: stack.Name,
        },
        code,
        description: typeof props.Description === 'string' ? props.Description : '',
        role: typeof props.Role === 'string' ? props.Role : '',
        architectures: Array.isArray(props.Architectures) ? props.Architectures.map(String) : ['x86_64'],
        fingerprint: JSON.stringify(props),
      });
    }
  }
  return { functions, skipped };
}

function codeSource(stack: StackRecord, code: Record<string, unknown>): CodeSource | undefined {
  if (typeof code.ZipFile === 'string') return { kind: 'inline', source: code.ZipFile };
  if (typeof code.S3Bucket !== 'string' || typeof code.S3Key !== 'string') return undefined;
  if (code.S3Bucket === MOUNTED_CODE_BUCKET) return { kind: 'folder', dir: path.resolve(path.dirname(stack.Source), code.S3Key) };
  return { kind: 's3', bucket: code.S3Bucket, key: code.S3Key };
}
