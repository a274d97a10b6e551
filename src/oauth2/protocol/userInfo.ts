import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CognitoError } from '../../cognito/errors.js';
import type { UserPoolClientRecord } from '../../cognito/model/client.js';
import { userPoolClients } from '../../cognito/model/client.js';
import type { UserRecord } from '../../cognito/model/user.js';
import type { OAuthDeps } from '../authorization.js';
import { poolOfHost } from './authorizeRequest.js';
import { header } from './form.js';
import { OAuthError } from './oauthError.js';

// GET|POST /oauth2/userInfo (userinfo-endpoint page): the user's attributes within the access token's scopes.
// `openid` alone: every attribute the client may read; with `profile`, `email` or `phone`, what those allow
// ("openid email: basic profile information and the email and email_verified attributes"). `sub` and `username`
// always. Values are the attribute strings, `email_verified: "true"` included, as the page's sample shows.

const EMAIL = ['email', 'email_verified'];
const PHONE = ['phone_number', 'phone_number_verified'];

const bearerError = (error: string, description: string, status: number) =>
  new OAuthError(error, description, status, `Bearer error="${error}", error_description="${description}"`);
const badRequest = () => bearerError('invalid_request', 'Bad OAuth2 request at UserInfo Endpoint', 400);
const invalidToken = (description = 'Access token is expired, disabled, or deleted, or the user has globally signed out.') =>
  bearerError('invalid_token', description, 401);

function bearer(request: FastifyRequest): string {
  const authorization = header(request, 'authorization');
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw badRequest();
  return match[1]!;
}

function inScope(name: string, scopes: string[]): boolean {
  const narrowed = scopes.some((s) => s === 'profile' || s === 'email' || s === 'phone');
  if (!narrowed) return true;
  if (EMAIL.includes(name)) return scopes.includes('email');
  if (PHONE.includes(name)) return scopes.includes('phone');
  return scopes.includes('profile');
}

function userInfoClaims(user: UserRecord, client: UserPoolClientRecord | undefined, scopes: string[]): Record<string, string> {
  const readable = client?.ReadAttributes?.length ? new Set(client.ReadAttributes) : undefined;
  const claims: Record<string, string> = {};
  for (const { Name: name, Value: value } of user.Attributes) {
    if (!name || value === undefined || name.startsWith('dev:')) continue;
    if (name === 'sub' || ((!readable || readable.has(name)) && inScope(name, scopes))) claims[name] = value;
  }
  claims.username = user.Username;
  return claims;
}

export function registerUserInfo(scope: FastifyInstance, deps: OAuthDeps): void {
  const handler = async (request: FastifyRequest) => {
    const token = bearer(request);
    let context;
    try {
      context = await deps.tokens.verifyAccessToken(token);
    } catch (error) {
      if (error instanceof CognitoError && error.statusCode < 500) throw invalidToken();
      throw error;
    }
    // On AWS the endpoint is the pool's own domain, which knows no other pool's tokens. cogniform serves every pool at
    // one address, so only a request that names a pool's domain (its Host) is held to that pool.
    const hostPool = await poolOfHost(deps, header(request, 'host'));
    if (hostPool !== undefined && hostPool !== context.pool.Id) throw invalidToken();
    // Wording seen from AWS on API-issued tokens (simov/grant#189).
    if (!context.scopes.includes('openid')) throw invalidToken('Access token does not contain openid scope');
    const client = await deps.store.table(userPoolClients).get([context.pool.Id, context.clientId]);
    return userInfoClaims(context.user, client, context.scopes);
  };
  scope.get('/oauth2/userInfo', handler);
  scope.post('/oauth2/userInfo', handler);
}
