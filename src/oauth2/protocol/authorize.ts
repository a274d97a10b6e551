import type { FastifyInstance } from 'fastify';
import { checkAuthorizeRequest, completeAuthorization, hostedSession, type OAuthDeps } from '../authorization.js';
import { queryOf } from './form.js';
import { PageError } from './oauthError.js';

// GET /oauth2/authorize (authorization-endpoint): checked as ./authorizeRequest.ts says; a live hosted session for
// the pool finishes at once (the "second authorize skips the form" of the hosted UI); otherwise the browser goes to
// the sign-in page with the same parameters, as Cognito sends it to /login.

export function registerAuthorize(scope: FastifyInstance, deps: OAuthDeps): void {
  scope.get('/oauth2/authorize', async (request, reply) => {
    const query = queryOf(request);
    const checked = await checkAuthorizeRequest(deps, query, request.headers.host);
    if ('page' in checked) throw new PageError(checked.page.message, checked.page.status);
    if ('redirect' in checked) return reply.redirect(checked.redirect, 302);
    const session = await hostedSession(deps, request, checked.ok.pool);
    if (session) return completeAuthorization(deps, reply, checked.ok, session.user, session.authTime);
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, value);
    return reply.redirect(`/login?${search}`, 302);
  });
}
