import type { GlobalSignOutRequest, GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { authorize, checkAccessToken } from '../profile/accessToken.js';

/**
 * The user signs out everywhere: every access, ID and refresh token issued to them so far stops working ("Access
 * Token has been revoked"); later sign-ins are unaffected (GlobalSignOut reference).
 */
export const GlobalSignOut =
  ({ store, tokens }: Pick<Deps, 'store' | 'tokens'>): Operation<GlobalSignOutRequest, GlobalSignOutResponse> =>
  async (_ctx, { AccessToken }) => {
    checkAccessToken(AccessToken!).throwIfAny();
    const { pool, user } = await authorize(tokens, AccessToken!);
    await store.transact(pool.Id, (tx) => tokens.signOutEverywhere(tx, pool, user));
    return {};
  };
