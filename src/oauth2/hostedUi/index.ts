import type { FastifyInstance } from 'fastify';
import { CognitoError } from '../../cognito/errors.js';
import type { OAuthDeps } from '../authorization.js';
import { registerChallenges } from './challenges.js';
import { registerConfirm } from './confirm.js';
import { registerConfirmUser } from './confirmUser.js';
import { CSRF_REFUSED, csrfHolds } from './csrf.js';
import { registerForgotPassword } from './forgotPassword.js';
import { registerLogin } from './login.js';
import { sendErrorPage } from './render/page.js';
import { registerSignUp } from './signUp.js';

// The hosted UI's pages (DESIGN.md §3 "hosted UI"), HTML from templates/, in their own plugin: the global error
// handler answers Cognito JSON errors, and a page must answer with a page.

/** What a page says of a failure that is nobody's input: no stack, no internals (the log has them). */
const UNEXPECTED = 'An error was encountered with the requested page.';

export function registerHostedUi(app: FastifyInstance, deps: OAuthDeps): void {
  app.register(async (scope) => {
    scope.setErrorHandler((error, _request, reply) => {
      if (error instanceof CognitoError) return sendErrorPage(reply, error.statusCode, error.message);
      // Fastify's own refusals (a body too large, a bad content type) are the client's doing.
      const status = (error as { statusCode?: number }).statusCode;
      if (status && status >= 400 && status < 500) return sendErrorPage(reply, status, 'The request could not be read.');
      deps.log.error('hosted UI: unexpected error', error);
      return sendErrorPage(reply, 500, UNEXPECTED);
    });
    // Every POST here is one of the pages' forms: without its token it is refused before it changes anything
    // (src/oauth2/hostedUi/csrf.ts). 403, the word for a request understood and refused (RFC 9110 §15.5.4); AWS
    // sends the browser to its error page.
    scope.addHook('preHandler', async (request, reply) => {
      if (request.method === 'POST' && !csrfHolds(request)) return sendErrorPage(reply, 403, CSRF_REFUSED);
    });
    registerLogin(scope, deps);
    registerChallenges(scope, deps);
    registerSignUp(scope, deps);
    registerConfirm(scope, deps);
    registerConfirmUser(scope, deps);
    registerForgotPassword(scope, deps);
  });
}
