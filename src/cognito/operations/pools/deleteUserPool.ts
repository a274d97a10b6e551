import type { DeleteUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { POOL_SCOPED_TABLES } from '../../model/tables.js';
import { userPools } from '../../model/userPool.js';
import { checkUserPoolId } from './poolSettings.js';

/**
 * Removes the pool, then everything under it. The pool record goes first (atomically), so a crash part way
 * leaves only unreachable records behind, never a half-deleted pool that still answers.
 */
export const DeleteUserPool =
  ({ store }: Pick<Deps, 'store'>): Operation<DeleteUserPoolRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId }) => {
    checkUserPoolId(UserPoolId!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      if (pool.DeletionProtection === 'ACTIVE') {
        throw new InvalidParameterException(
          'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
        );
      }
      if (pool.Domain || pool.CustomDomain) {
        // Wording as AWS answers it (quoted in terraform-provider-aws#16479 and aws-nuke#330).
        throw new InvalidParameterException('User pool cannot be deleted. It has a domain configured that should be deleted first.');
      }
      await tx.delete(store.table(userPools), pool);
    });
    await store.purge(POOL_SCOPED_TABLES, [UserPoolId!]);
    return {};
  };
