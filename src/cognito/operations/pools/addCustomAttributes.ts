import type { AddCustomAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { addCustomAttributes } from '../../model/schema.js';
import { userPools } from '../../model/userPool.js';
import { checkUserPoolId } from './poolSettings.js';

export const AddCustomAttributes =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AddCustomAttributesRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, CustomAttributes }) => {
    checkUserPoolId(UserPoolId!).length('customAttributes', CustomAttributes, 1, 25).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      const SchemaAttributes = addCustomAttributes(pool.SchemaAttributes ?? [], CustomAttributes!);
      await tx.put(store.table(userPools), { ...pool, SchemaAttributes, LastModifiedDate: clock.now().getTime() });
    });
    return {};
  };
