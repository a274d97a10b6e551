import type { DeleteParameterResult } from '@aws-sdk/client-ssm';
import type { SsmDeps } from '../deps.js';
import { parameterNotFound } from '../errors.js';
import { Input } from '../input.js';
import { parameters } from '../model/parameter.js';

export function DeleteParameter({ store }: Pick<SsmDeps, 'store'>) {
  return async (body: unknown, region: string): Promise<DeleteParameterResult> => {
    const name = Input.of(body).requiredString('Name', { max: 2048 });
    const table = store.table(parameters);
    return store.transact(`ssm\0${region}\0${name}`, async (tx) => {
      const record = await tx.get(table, [region, name]);
      if (!record) throw parameterNotFound();
      await tx.delete(table, record);
      return {};
    });
  };
}
