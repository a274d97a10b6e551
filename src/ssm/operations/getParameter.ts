import type { GetParameterResult } from '@aws-sdk/client-ssm';
import type { SsmDeps } from '../deps.js';
import { parameterNotFound } from '../errors.js';
import { Input } from '../input.js';
import { parameters, parameterToApi } from '../model/parameter.js';

// The serverless CLI resolves `${ssm:/path}` with this call (WithDecryption true) and takes ParameterNotFound as
// "use the default" (../shared/reference/serverless-deploy.md §5.6).
export function GetParameter({ store, accountId }: Pick<SsmDeps, 'store' | 'accountId'>) {
  return async (body: unknown, region: string): Promise<GetParameterResult> => {
    const input = Input.of(body);
    const name = input.requiredString('Name', { max: 2048 });
    const withDecryption = input.boolean('WithDecryption');
    const record = await store.table(parameters).get([region, name]);
    if (!record) throw parameterNotFound();
    return { Parameter: parameterToApi(record, accountId, withDecryption) };
  };
}
