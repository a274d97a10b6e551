import type {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../deps.js';
import { changeTokenOwner, checkCredentials, type OwnerDeps } from './tokenOwner.js';
import { newSecret } from './totp.js';

/**
 * A new TOTP secret for the user's authenticator app. It stays pending, and a verified one keeps working, until
 * VerifySoftwareToken proves the app has it (API reference: the user "must verify" the token before it is used).
 */
export const AssociateSoftwareToken =
  (deps: OwnerDeps): Operation<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse> =>
  async (_ctx, request) => {
    checkCredentials(request).throwIfAny();
    const SecretCode = newSecret(deps.ids);
    const Session = await changeTokenOwner(deps, request, (user, now) => ({
      ...user,
      softwareToken: { ...user.softwareToken, pending: SecretCode },
      UserLastModifiedDate: now.getTime(),
    }));
    return Session ? { SecretCode, Session } : { SecretCode };
  };
