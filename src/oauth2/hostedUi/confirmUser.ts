import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfirmSignUp } from '../../cognito/operations/signUp/confirmSignUp.js';
import { clientById } from '../../cognito/operations/signIn/flow/signInClient.js';
import type { OAuthDeps } from '../authorization.js';
import { html } from './render/html.js';
import { clientProof, poolContext, queryValue } from './hostedRequest.js';
import { brandingOf, sendErrorPage, sendPage } from './render/page.js';

// GET /confirmUser?client_id=&user_name=&confirmation_code=: the link of a CONFIRM_WITH_LINK sign-up email
// (src/cognito/codes/confirmationLink.ts; developer guide, "Customizing email verification messages", which shows
// the path with and without a trailing slash). Following it confirms the user as ConfirmSignUp does, the same code
// checks and PostConfirmation included; the hosted UI stands in for the client, so a client with a secret gets its
// SecretHash made here. AWS answers a confirmation page (aws-amplify/amplify-js#9006: no redirect, the user goes back
// to the app), and a link it cannot use with its error page (amazon-cognito-identity-js#604: "An error was
// encountered with the requested page."); the pages' words here are cogniform's, the errors the API's own messages.

const PARAMETERS = ['client_id', 'user_name', 'confirmation_code'] as const;

export function registerConfirmUser(app: FastifyInstance, deps: OAuthDeps): void {
  const confirmSignUp = ConfirmSignUp(deps);
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const [clientId, username, code] = PARAMETERS.map((name) => queryValue(request, name));
    if (!clientId || !username || !code) {
      const missing = PARAMETERS.filter((_, i) => ![clientId, username, code][i]);
      return sendErrorPage(reply, 400, `An error was encountered with the requested page: ${missing.join(', ')} missing.`);
    }
    // Unknown client, wrong, used or expired code, bad values: the Cognito error, shown by the scope's error page.
    const { pool, client } = await clientById(deps.store, clientId);
    await confirmSignUp(poolContext(deps, pool), { ...clientProof(client, username), Username: username, ConfirmationCode: code });
    const content = html`<h1>Account confirmed</h1><p class="textDescription-customizable">Your registration has been confirmed. You can now sign in.</p>`;
    return sendPage(reply, 'Account confirmed', content, await brandingOf(deps.store, pool.Id, clientId));
  };
  app.get('/confirmUser', handler);
  app.get('/confirmUser/', handler);
}
