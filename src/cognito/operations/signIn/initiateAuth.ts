import type { InitiateAuthRequest, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../deps.js';
import { initiateAuth } from './flow/initiate.js';
import type { SignInDeps } from './flow/outcome.js';
import { clientById } from './flow/signInClient.js';

/** The public sign-in: the client id names the pool. */
export const InitiateAuth =
  (deps: SignInDeps): Operation<InitiateAuthRequest, InitiateAuthResponse> =>
  async (_ctx, { ClientId, AuthFlow, AuthParameters, ClientMetadata }) =>
    initiateAuth(deps, await clientById(deps.store, ClientId!), AuthFlow!, AuthParameters, [
      'USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_AUTH',
    ], ClientMetadata);
