import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { FastifyInstance } from 'fastify';
import type { OAuthDeps } from '../authorization.js';
import { authenticateClient } from './clientAuthentication.js';
import { formOf } from './form.js';
import { authorizationCodeGrant } from './grants/authorizationCode.js';
import { clientCredentialsGrant } from './grants/clientCredentials.js';
import { refreshTokenGrant } from './grants/refreshToken.js';
import { OAuthError } from './oauthError.js';

// POST /oauth2/token (token-endpoint): the client authenticates, then the grant. Answers as RFC 6749 §5.1 says,
// `Cache-Control: no-store` included; errors as §5.2 (./oauthError.ts).

export type Grant = (
  deps: OAuthDeps,
  client: Awaited<ReturnType<typeof authenticateClient>>,
  form: URLSearchParams,
) => Promise<AuthenticationResultType>;

const GRANTS: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
};

export function registerToken(scope: FastifyInstance, deps: OAuthDeps): void {
  scope.post('/oauth2/token', async (request, reply) => {
    const form = formOf(request);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type is required');
    const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
    if (!grant) throw new OAuthError('unsupported_grant_type');
    const client = await authenticateClient(deps, request, form);
    const result = await grant(deps, client, form);
    const body = {
      ...(result.IdToken !== undefined ? { id_token: result.IdToken } : {}),
      access_token: result.AccessToken,
      ...(result.RefreshToken !== undefined ? { refresh_token: result.RefreshToken } : {}),
      expires_in: result.ExpiresIn,
      token_type: 'Bearer',
    };
    return reply
      .header('content-type', 'application/json;charset=UTF-8')
      .header('cache-control', 'no-store')
      .header('pragma', 'no-cache')
      .send(JSON.stringify(body));
  });
}

/** A form parameter the grant needs (RFC 6749 §5.2 invalid_request when it is missing). */
export function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw new OAuthError('invalid_request', `${name} is required`);
  return value;
}
