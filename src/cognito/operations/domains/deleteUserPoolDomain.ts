import type { DeleteUserPoolDomainRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { userPoolDomains } from '../../model/domain.js';
import { userPools } from '../../model/userPool.js';
import { checkDomainRequest, poolWithDomain, requirePoolDomain } from './domainSettings.js';

/** Frees the name for any pool and clears it from the pool's Domain / CustomDomain in the same batch. */
export const DeleteUserPoolDomain =
  ({ store }: Pick<Deps, 'store'>): Operation<DeleteUserPoolDomainRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Domain }) => {
    checkDomainRequest({ UserPoolId, Domain });
    await store.transact(UserPoolId!, async (tx) => {
      const { pool, record } = await requirePoolDomain(store, tx, UserPoolId!, Domain!);
      await tx.delete(store.table(userPoolDomains), record);
      await tx.put(store.table(userPools), poolWithDomain(pool, record, false));
    });
    return {};
  };
