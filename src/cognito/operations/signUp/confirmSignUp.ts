import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { redeemCode } from '../../codes/pendingCodes.js';
import type { Deps, Operation } from '../../deps.js';
import type { UserRecord } from '../../model/user.js';
import { postConfirmation } from '../../triggers/signUpTriggers.js';
import { confirmUser, requireUnconfirmed } from './confirmUser.js';
import { checkCode } from './codeChecks.js';
import { checkPublicRequest, requireCodeUser, requirePublicClient } from './publicClient.js';

/**
 * The user types back the code SignUp sent: they become CONFIRMED and the attribute the code went to is verified.
 * A wrong code counts against the code's attempts, so the transaction commits before the error is thrown. With
 * PreventUserExistenceErrors, an unknown user gets the wrong-code answer (API reference, "Managing user existence
 * error responses").
 */
export const ConfirmSignUp =
  ({ store, clock, functions }: Pick<Deps, 'store' | 'clock' | 'functions'>): Operation<ConfirmSignUpRequest, ConfirmSignUpResponse> =>
  async (_ctx, request) => {
    const { ClientId, Username, SecretHash, ConfirmationCode, ForceAliasCreation, ClientMetadata } = request;
    checkCode(ConfirmationCode!, checkPublicRequest(ClientId!, Username!, SecretHash)).throwIfAny();
    const { pool, client } = await requirePublicClient(store, ClientId!, Username!, SecretHash);
    const now = clock.now();
    let confirmed: UserRecord | undefined;
    const failure = await store.transact(pool.Id, async (tx) => {
      const user = requireUnconfirmed(await requireCodeUser(store, pool, client, Username!));
      const redeemed = await redeemCode(store, tx, user, 'SIGN_UP', ConfirmationCode!, now);
      if (!redeemed.ok) return redeemed.error;
      confirmed = await confirmUser(store, tx, pool, user, { verified: redeemed.attribute, force: ForceAliasCreation ?? false, now });
      return undefined;
    });
    if (failure) throw failure;
    if (confirmed) {
      const source = 'PostConfirmation_ConfirmSignUp';
      const call = { pool, user: confirmed, source, clientId: ClientId, clientMetadata: ClientMetadata } as const;
      await postConfirmation({ functions, clock }, call);
    }
    return {};
  };
