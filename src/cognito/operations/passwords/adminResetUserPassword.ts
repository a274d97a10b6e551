import type {
  AdminResetUserPasswordRequest,
  AdminResetUserPasswordResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser, users } from '../../model/user.js';
import { checkUserKey } from '../users/checks.js';
import { sendResetCode } from './passwordReset.js';

/**
 * An administrator makes a user reset their password: the user is RESET_REQUIRED (sign-in then answers
 * PasswordResetRequiredException) and gets a FORGOT_PASSWORD code at their verified phone number or email, to use
 * with ConfirmForgotPassword (AdminResetUserPassword reference). A user with neither is refused as ForgotPassword
 * refuses them: there would be no way to finish the reset.
 */
export const AdminResetUserPassword =
  (deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'inbox' | 'fixedCode' | 'functions' | 'log'>): Operation<
    AdminResetUserPasswordRequest,
    AdminResetUserPasswordResponse
  > =>
  async (_ctx, request) => {
    const { store, clock } = deps;
    checkUserKey(request.UserPoolId!, request.Username!).throwIfAny();
    await store.transact(request.UserPoolId!, async (tx) => {
      const pool = await requirePool(store, request.UserPoolId!);
      const user = await requireUser(store, pool, request.Username!);
      const now = clock.now();
      const reset = { ...user, UserStatus: 'RESET_REQUIRED' as const, UserLastModifiedDate: now.getTime() };
      await sendResetCode(deps, tx, pool, reset, now, { clientMetadata: request.ClientMetadata });
      await tx.put(store.table(users), reset);
    });
    return {};
  };
