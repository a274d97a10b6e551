import type { FastifyInstance } from 'fastify';
import { CognitoError } from '../../cognito/errors.js';
import type { OAuthDeps } from '../authorization.js';
import { authenticateClient } from './clientAuthentication.js';
import { formOf } from './form.js';
import { OAuthError } from './oauthError.js';

// POST /oauth2/revoke (revocation-endpoint, RFC 7009): the refresh token and every token issued from its session
// stop working. 200 with an empty body also for a token that is unknown, already revoked or another client's
// (RFC 7009 §2.2: "invalid tokens do not cause an error response"); an access or ID token (a JWT, readable) is
// unsupported_token_type.

export function registerRevoke(scope: FastifyInstance, deps: OAuthDeps): void {
  scope.post('/oauth2/revoke', async (request, reply) => {
    const form = formOf(request);
    const token = form.get('token');
    if (!token) throw new OAuthError('invalid_request', 'token is required');
    const { client } = await authenticateClient(deps, request, form);
    if (token.split('.').length === 3) throw new OAuthError('unsupported_token_type');
    if (client.EnableTokenRevocation === false) throw new OAuthError('unauthorized_client', 'Token revocation is not enabled for this app client.');
    try {
      await deps.tokens.revokeRefreshToken(token, client.ClientId, client.ClientSecret);
    } catch (error) {
      if (!(error instanceof CognitoError && error.type === 'NotAuthorizedException')) throw error;
    }
    return reply.code(200).send('');
  });
}
