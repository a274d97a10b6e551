import type {
  GetUserAttributeVerificationCodeRequest,
  GetUserAttributeVerificationCodeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { attributeValue } from '../../model/user.js';
import { checkAttributeNames } from '../users/checks.js';
import { authorize, checkAccessToken, lockedUser } from './accessToken.js';
import { isVerifiable, sendVerificationCode } from './attributeVerification.js';
import { heldValue } from '../../model/heldUpdates.js';

/**
 * Sends a code that verifies the user's email address or phone number: the new value when one is waiting for
 * verification (AttributesRequireVerificationBeforeUpdate), else the current one. A new code replaces the previous
 * one. The wording of the refusals (an attribute that cannot be verified, or that the user has no value for) is
 * cogniform's own: AWS's is not documented.
 */
export const GetUserAttributeVerificationCode =
  (deps: Pick<Deps, 'store' | 'clock' | 'tokens' | 'inbox' | 'ids' | 'fixedCode' | 'functions' | 'log'>): Operation<
    GetUserAttributeVerificationCodeRequest,
    GetUserAttributeVerificationCodeResponse
  > =>
  async (_ctx, { AccessToken, AttributeName, ClientMetadata }) => {
    const { store, clock, tokens } = deps;
    checkAttributeNames('attributeName', [AttributeName!], checkAccessToken(AccessToken!)).throwIfAny();
    const context = await authorize(tokens, AccessToken!);
    const name = AttributeName!;
    if (!isVerifiable(name)) throw new InvalidParameterException(`Attribute ${name} cannot be verified.`);
    const CodeDeliveryDetails = await store.transact(context.pool.Id, async (tx) => {
      const user = await lockedUser(store, tx, context);
      const destination = (await heldValue(store, tx, user, name)) ?? attributeValue(user, name);
      if (!destination) throw new InvalidParameterException(`User has no value for attribute ${name}.`);
      return sendVerificationCode(deps, tx, user, name, destination, clock.now(), {
        pool: context.pool,
        source: 'VerifyUserAttribute',
        clientId: context.clientId,
        clientMetadata: ClientMetadata,
      });
    });
    return { CodeDeliveryDetails };
  };
