import type {
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../deps.js';
import { NotAuthorizedException } from '../../errors.js';
import type { SignInDeps } from './flow/outcome.js';
import { refreshTokens } from './flow/refresh.js';
import { checkFlowEnabled, clientById } from './flow/signInClient.js';

/**
 * Refresh, the newer way: a new refresh token too when the client rotates them, and the one given is then refused
 * with RefreshTokenReuseException after the client's grace period (tokens/rotation.ts). A client with a secret
 * sends the secret itself here (ClientSecret), not a hash; the refusal reuses AWS's wording for a wrong hash.
 */
export const GetTokensFromRefreshToken =
  (deps: SignInDeps): Operation<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse> =>
  async (_ctx, { ClientId, RefreshToken, ClientSecret }) => {
    const target = await clientById(deps.store, ClientId!);
    const { client } = target;
    checkFlowEnabled(client, 'REFRESH_TOKEN_AUTH');
    const proveClient = () => {
      if (client.ClientSecret && ClientSecret !== client.ClientSecret) {
        throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.ClientId}`);
      }
    };
    return { AuthenticationResult: await refreshTokens(deps, target, RefreshToken!, proveClient) };
  };
