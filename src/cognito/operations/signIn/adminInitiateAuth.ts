import type { AdminInitiateAuthRequest, AdminInitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../deps.js';
import { initiateAuth } from './flow/initiate.js';
import type { SignInDeps } from './flow/outcome.js';
import { clientInPool } from './flow/signInClient.js';

/** The server-side sign-in (IAM): the same flows, plus the admin password flows, minus USER_PASSWORD_AUTH. */
export const AdminInitiateAuth =
  (deps: SignInDeps): Operation<AdminInitiateAuthRequest, AdminInitiateAuthResponse> =>
  async (_ctx, { UserPoolId, ClientId, AuthFlow, AuthParameters, ClientMetadata }) =>
    initiateAuth(deps, await clientInPool(deps.store, UserPoolId!, ClientId!), AuthFlow!, AuthParameters, [
      'USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN',
      'CUSTOM_AUTH', 'USER_AUTH',
    ], ClientMetadata);
