import { randomUUID } from 'node:crypto';
import {
  CreateUserPoolCommand,
  type AttributeType,
  type CreateUserPoolRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { usernameKey, users, type UserRecord } from '../../src/cognito/model/user.js';
import { poolStats, userPools } from '../../src/cognito/model/userPool.js';
import type { Emulator } from '../../src/index.js';
import type { TestEmulator } from './emulator.js';

/**
 * Writes a confirmed, enabled user (no password) straight into the store, with its pool's user count, so that
 * tests of other areas do not depend on AdminCreateUser. Returns the stored record (its `sub` among the attributes).
 */
export async function putUser(
  emulator: Pick<Emulator, 'store'>,
  poolId: string,
  username: string,
  attributes: AttributeType[] = [],
): Promise<UserRecord> {
  const { store } = emulator;
  return store.transact(poolId, async (tx) => {
    const pool = await tx.get(store.table(userPools), [poolId]);
    if (!pool) throw new Error(`putUser: no pool ${poolId}`);
    const now = Date.now();
    const user: UserRecord = {
      UserPoolId: poolId,
      Username: username,
      UsernameKey: usernameKey(pool, username),
      Attributes: [{ Name: 'sub', Value: randomUUID() }, ...attributes],
      Enabled: true,
      UserStatus: 'CONFIRMED',
      UserCreateDate: now,
      UserLastModifiedDate: now,
      Aliases: [],
    };
    const stats = await tx.get(store.table(poolStats), [poolId]);
    await tx.put(store.table(users), user);
    await tx.put(store.table(poolStats), { UserPoolId: poolId, users: (stats?.users ?? 0) + 1 });
    return user;
  });
}

/** A new pool through the API (CreateUserPool), for tests whose subject is something inside a pool. */
export async function createPool(
  emulator: Pick<TestEmulator, 'client'>,
  settings: Partial<CreateUserPoolRequest> = {},
): Promise<string> {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'pool', ...settings }));
  return UserPool!.Id!;
}
