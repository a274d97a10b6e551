import type { AdminConfirmSignUpRequest, AdminConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser } from '../../model/user.js';
import { postConfirmation } from '../../triggers/signUpTriggers.js';
import { checkUserKey } from '../users/checks.js';
import { confirmUser, requireUnconfirmed } from './confirmUser.js';

/**
 * An administrator confirms an UNCONFIRMED user without a code. No attribute becomes verified: only a code proves
 * an address (AdminConfirmSignUp reference), so email_verified stays as it was.
 */
export const AdminConfirmSignUp =
  ({ store, clock, functions }: Pick<Deps, 'store' | 'clock' | 'functions'>): Operation<
    AdminConfirmSignUpRequest,
    AdminConfirmSignUpResponse
  > =>
  async (_ctx, request) => {
    checkUserKey(request.UserPoolId!, request.Username!).throwIfAny();
    const { pool, user } = await store.transact(request.UserPoolId!, async (tx) => {
      const pool = await requirePool(store, request.UserPoolId!);
      const user = requireUnconfirmed(await requireUser(store, pool, request.Username!));
      return { pool, user: await confirmUser(store, tx, pool, user, { force: false, now: clock.now() }) };
    });
    // AdminConfirmSignUp fires PostConfirmation_ConfirmSignUp too (developer guide, "Post confirmation Lambda
    // trigger": "invokes your post confirmation function on ConfirmSignUp, AdminConfirmSignUp, and ...").
    const source = 'PostConfirmation_ConfirmSignUp';
    await postConfirmation({ functions, clock }, { pool, user, source, clientMetadata: request.ClientMetadata });
    return {};
  };
