import type { GetParametersResult, Parameter } from '@aws-sdk/client-ssm';
import type { SsmDeps } from '../deps.js';
import { Input } from '../input.js';
import { parameters, parameterToApi } from '../model/parameter.js';

// Up to 10 names (SSM API reference, GetParameters); the ones that do not exist come back in InvalidParameters
// rather than failing the call.
export function GetParameters({ store, accountId }: Pick<SsmDeps, 'store' | 'accountId'>) {
  return async (body: unknown, region: string): Promise<GetParametersResult> => {
    const input = Input.of(body);
    const names = input.requiredStrings('Names', { min: 1, max: 10 }, { max: 2048 });
    const withDecryption = input.boolean('WithDecryption');
    const table = store.table(parameters);
    const found: Parameter[] = [];
    const invalid: string[] = [];
    for (const name of new Set(names)) {
      const record = await table.get([region, name]);
      if (record) found.push(parameterToApi(record, accountId, withDecryption));
      else invalid.push(name);
    }
    return { Parameters: found, InvalidParameters: invalid };
  };
}
