import type {
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { checkPassword } from '../../auth/passwordPolicy.js';
import { redeemCode } from '../../codes/pendingCodes.js';
import type { Deps, Operation } from '../../deps.js';
import { users, type UserRecord } from '../../model/user.js';
import { postConfirmation } from '../../triggers/signUpTriggers.js';
import { checkCode } from '../signUp/codeChecks.js';
import { checkPublicRequest, requireCodeUser, requirePublicClient } from '../signUp/publicClient.js';
import { PASSWORD_PATTERN } from '../users/checks.js';
import { passwordFor } from './passwordReset.js';

/**
 * The user types back ForgotPassword's code with a new password: the password is replaced and the user is
 * CONFIRMED (out of RESET_REQUIRED or FORCE_CHANGE_PASSWORD). A wrong code counts against the code's attempts, so
 * the transaction commits before the error is thrown. With PreventUserExistenceErrors an unknown user gets the
 * wrong-code answer.
 */
export const ConfirmForgotPassword =
  ({ store, clock, functions }: Pick<Deps, 'store' | 'clock' | 'functions'>): Operation<
    ConfirmForgotPasswordRequest,
    ConfirmForgotPasswordResponse
  > =>
  async (_ctx, request) => {
    const { ClientId, Username, SecretHash, ConfirmationCode, Password } = request;
    checkCode(ConfirmationCode!, checkPublicRequest(ClientId!, Username!, SecretHash))
      .length('password', Password, 0, 256, true)
      .pattern('password', Password, PASSWORD_PATTERN, true)
      .throwIfAny();
    const { pool, client } = await requirePublicClient(store, ClientId!, Username!, SecretHash);
    checkPassword(pool.Policies?.PasswordPolicy, Password!);
    const now = clock.now();
    const recordFor = passwordFor(pool, Password!, { temporary: false, now });
    await recordFor(await requireCodeUser(store, pool, client, Username!));
    let confirmed: UserRecord | undefined;
    const failure = await store.transact(pool.Id, async (tx) => {
      const user = await requireCodeUser(store, pool, client, Username!);
      const redeemed = await redeemCode(store, tx, user, 'FORGOT_PASSWORD', ConfirmationCode!, now);
      if (!redeemed.ok) return redeemed.error;
      confirmed = { ...user, password: await recordFor(user), UserStatus: 'CONFIRMED', UserLastModifiedDate: now.getTime() };
      await tx.put(store.table(users), confirmed);
      return undefined;
    });
    if (failure) throw failure;
    // PostConfirmation_ConfirmForgotPassword, once the new password is stored (../../triggers/signUpTriggers.ts).
    if (confirmed) {
      const source = 'PostConfirmation_ConfirmForgotPassword';
      const call = { pool, user: confirmed, source, clientId: ClientId, clientMetadata: request.ClientMetadata } as const;
      await postConfirmation({ functions, clock }, call);
    }
    return {};
  };
