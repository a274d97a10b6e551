import type { FastifyInstance } from 'fastify';
import type { OAuthDeps } from './authorization.js';
import { registerAuthorize } from './protocol/authorize.js';
import { registerLogout } from './protocol/logout.js';
import { handleOAuthErrors } from './protocol/oauthError.js';
import { registerRevoke } from './protocol/revoke.js';
import { registerToken } from './protocol/token.js';
import { registerUserInfo } from './protocol/userInfo.js';

// The OAuth2 endpoints (/oauth2/authorize, /oauth2/token, /oauth2/userInfo, /oauth2/revoke, /logout), in a plugin
// of their own: their errors are RFC 6749 JSON or an HTML page, not the Cognito API's (./protocol/oauthError.ts).

export function registerOAuth2(app: FastifyInstance, deps: OAuthDeps): void {
  app.register(async (scope) => {
    handleOAuthErrors(scope);
    registerAuthorize(scope, deps);
    registerToken(scope, deps);
    registerUserInfo(scope, deps);
    registerRevoke(scope, deps);
    registerLogout(scope, deps);
  });
}
