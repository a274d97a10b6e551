import type { DeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { removeUser } from '../users/records/userRecords.js';
import { authorize, checkAccessToken, lockedUser } from './accessToken.js';

/**
 * The user deletes their own account: AdminDeleteUser's removal (memberships, the pool's user count). Their tokens
 * stop working with it, as the token service finds no user behind them.
 */
export const DeleteUser =
  ({ store, tokens }: Pick<Deps, 'store' | 'tokens'>): Operation<DeleteUserRequest, Record<string, never>> =>
  async (_ctx, { AccessToken }) => {
    checkAccessToken(AccessToken!).throwIfAny();
    const context = await authorize(tokens, AccessToken!);
    await store.transact(context.pool.Id, async (tx) => removeUser(store, tx, await lockedUser(store, tx, context)));
    return {};
  };
