import type { AdminConfirmSignUpRequest, AdminConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser } from '../../model/user.js';
import { checkUserKey } from '../users/checks.js';
import { confirmUser, requireUnconfirmed } from './confirmUser.js';

/**
 * An administrator confirms an UNCONFIRMED user without a code. No attribute becomes verified: only a code proves
 * an address (AdminConfirmSignUp reference), so email_verified stays as it was.
 */
export const AdminConfirmSignUp =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminConfirmSignUpRequest, AdminConfirmSignUpResponse> =>
  async (_ctx, request) => {
    checkUserKey(request.UserPoolId!, request.Username!).throwIfAny();
    await store.transact(request.UserPoolId!, async (tx) => {
      const pool = await requirePool(store, request.UserPoolId!);
      const user = requireUnconfirmed(await requireUser(store, pool, request.Username!));
      await confirmUser(store, tx, pool, user, { force: false, now: clock.now() });
    });
    return {};
  };
