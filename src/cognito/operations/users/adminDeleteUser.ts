import type { AdminDeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { memberships } from '../../model/group.js';
import { requireUser, users } from '../../model/user.js';
import { checkUserKey } from './checks.js';
import { countUsers } from './userRecords.js';

/** Removes the user, its index entries and its group memberships in one batch. */
export const AdminDeleteUser =
  ({ store }: Pick<Deps, 'store'>): Operation<AdminDeleteUserRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      const user = await requireUser(store, pool, Username!);
      await tx.delete(store.table(users), user);
      const table = store.table(memberships);
      let after: string | undefined;
      do {
        const page = await table.findBy('byUser', [pool.Id, user.UsernameKey], { limit: 100, after });
        for (const membership of page.items) await tx.delete(table, membership);
        after = page.next;
      } while (after);
      await countUsers(store, tx, pool.Id, -1);
    });
    return {};
  };
