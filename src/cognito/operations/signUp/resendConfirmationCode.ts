import type {
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { sendCode, signUpDelivery } from '../../codes/delivery.js';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { sendToUser } from './publicClient.js';

/**
 * A new sign-up code for an UNCONFIRMED user, replacing the previous one (which stops working). A confirmed user is
 * InvalidParameterException "User is already confirmed." (AWS's answer, quoted in aws-amplify/amplify-js#14762 and
 * furaiev/amazon-cognito-identity-dart-2#103). A pool that verifies nothing automatically has nowhere to send a
 * code: "Auto verification not turned on." is AWS's wording as recalled, not confirmed from a public source.
 */
export const ResendConfirmationCode =
  (deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'inbox' | 'fixedCode' | 'functions' | 'log' | 'port'>): Operation<
    ResendConfirmationCodeRequest,
    ResendConfirmationCodeResponse
  > =>
  async (_ctx, request) => ({
    CodeDeliveryDetails: await sendToUser(deps.store, request, (tx, pool, user) => {
      if (user.UserStatus !== 'UNCONFIRMED') throw new InvalidParameterException('User is already confirmed.');
      const delivery = signUpDelivery(pool, user);
      if (!delivery) throw new InvalidParameterException('Auto verification not turned on.');
      const context = { pool, source: 'ResendCode' as const, clientId: request.ClientId, clientMetadata: request.ClientMetadata };
      return sendCode(deps, tx, user, { purpose: 'SIGN_UP', kind: 'RESEND', delivery, now: deps.clock.now(), context });
    }),
  });
