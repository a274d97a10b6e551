import type { FastifyInstance } from 'fastify';
import { CognitoError } from '../../cognito/errors.js';
import { clientById } from '../../cognito/operations/signIn/flow/signInClient.js';
import { checkAuthorizeRequest, endHostedSession, type OAuthDeps } from '../authorization.js';
import { queryOf } from './form.js';
import { PageError } from './oauthError.js';

// GET /logout (logout-endpoint): the hosted session ends and its cookie is cleared, then the browser goes to
// logout_uri (one of the client's LogoutURLs, exactly); or, given redirect_uri and response_type instead, back to
// the sign-in page with those parameters (checked as authorize checks them). Anything else is an error page.

export function registerLogout(scope: FastifyInstance, deps: OAuthDeps): void {
  scope.get('/logout', async (request, reply) => {
    const query = queryOf(request);
    const { client_id: clientId, logout_uri: logoutUri } = query;
    if (logoutUri !== undefined) {
      if (!clientId) throw new PageError('Required String parameter client_id is not present.');
      let client;
      try {
        ({ client } = await clientById(deps.store, clientId));
      } catch (error) {
        if (error instanceof CognitoError && error.type === 'ResourceNotFoundException') throw new PageError(`Client ${clientId} does not exist.`);
        throw error;
      }
      if (!(client.LogoutURLs ?? []).includes(logoutUri)) {
        throw new PageError('redirect_mismatch: the logout_uri is not one of the client\'s sign-out URLs.');
      }
      await endHostedSession(deps, reply);
      return reply.redirect(logoutUri, 302);
    }
    const checked = await checkAuthorizeRequest(deps, query, request.headers.host);
    if ('page' in checked) throw new PageError(checked.page.message, checked.page.status);
    await endHostedSession(deps, reply);
    if ('redirect' in checked) return reply.redirect(checked.redirect, 302);
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, value);
    return reply.redirect(`/login?${search}`, 302);
  });
}
