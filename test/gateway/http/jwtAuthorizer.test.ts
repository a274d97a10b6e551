import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import type { ApiGateway } from '../../../src/gateway/routes.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { awsIssuer, gatewayDeps, httpStack, json, payloadOf, request, signedInUser, type SignedIn } from './harness.js';

// The JWT authorizer against real tokens of real pools (AWS docs: http-api-jwt-authorizer, http-api-troubleshooting-jwt).

let emulator: TestEmulator;
let user: SignedIn;
let stranger: SignedIn;
const events: any[] = [];

test.before(async () => {
  emulator = await startTestEmulator();
  user = await signedInUser(emulator, ['admin', 'editors']);
  stranger = await signedInUser(emulator);
});
test.after(() => emulator.close());
test.before.each(() => {
  events.length = 0;
});

function gateway(now?: () => Date): ApiGateway {
  const jwt = (issuer: string, audience: string[]) => ({
    AuthorizerType: 'JWT', Name: 'cognito', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: issuer, Audience: audience },
  });
  const stack = httpStack({
    apiId: 'api1',
    authorizers: {
      aws: jwt(awsIssuer(user.poolId), [user.clientId]),
      local: jwt(`http://localhost:${emulator.port}/${user.poolId}`, [user.clientId]),
      otherAudience: jwt(awsIssuer(user.poolId), ['someone-else']),
    },
    routes: [
      { key: 'GET /me', fn: 'spy', auth: 'JWT', authorizer: 'aws' },
      { key: 'GET /local', fn: 'spy', auth: 'JWT', authorizer: 'local' },
      { key: 'GET /orders', fn: 'spy', auth: 'JWT', authorizer: 'aws', scopes: ['orders/read'] },
      { key: 'GET /profile', fn: 'spy', auth: 'JWT', authorizer: 'aws', scopes: ['openid', 'aws.cognito.signin.user.admin'] },
      { key: 'GET /audience', fn: 'spy', auth: 'JWT', authorizer: 'otherAudience' },
      { key: 'GET /v1', fn: 'spy', auth: 'JWT', authorizer: 'aws', payload: '1.0' },
    ],
  });
  return createHttpGateway([stack], gatewayDeps(emulator, { spy: (event) => { events.push(event); return { ok: true }; } }, now));
}

const call = (http: ApiGateway, path: string, authorization?: string) =>
  http.handle(request('api1', 'GET', path, authorization === undefined ? {} : { headers: { authorization } }));

function assertUnauthorized(response: Awaited<ReturnType<ApiGateway['handle']>>, description?: string) {
  assert.is(response.status, 401);
  assert.equal(json(response), { message: 'Unauthorized' });
  if (description) {
    assert.is(response.headers['www-authenticate'], `Bearer scope="" error="invalid_token" error_description="${description}"`);
  }
  assert.is(events.length, 0, 'the function must not run');
}

test('JWT authorizer: accepts an ID token, bare or after Bearer, when the Issuer is the AWS form of a local pool', async () => {
  const http = gateway();
  assert.is((await call(http, '/me', user.idToken)).status, 200);
  assert.is((await call(http, '/me', `Bearer ${user.idToken}`)).status, 200);
  assert.is((await call(http, '/local', `Bearer ${user.idToken}`)).status, 200);
  assert.is(events.length, 3);
});

test('JWT authorizer: an access token passes on its client_id, an ID token on its aud', async () => {
  const http = gateway();
  assert.is((await call(http, '/me', `Bearer ${user.accessToken}`)).status, 200);
  assert.is(events[0].requestContext.authorizer.jwt.claims.client_id, user.clientId);
});

test('JWT authorizer: no token is 401 without calling the function', async () => {
  const http = gateway();
  assertUnauthorized(await call(http, '/me'));
  assertUnauthorized(await call(http, '/me', 'Bearer '));
});

test('JWT authorizer: expired, tampered, other pool\'s and malformed tokens are 401 with a www-authenticate challenge', async () => {
  const later = gateway(() => new Date(Date.now() + 2 * 3600_000));
  assertUnauthorized(await call(later, '/me', `Bearer ${user.idToken}`), 'the token has expired');

  const http = gateway();
  const [header, , signature] = user.idToken.split('.');
  const forged = Buffer.from(JSON.stringify({ ...payloadOf(user.idToken), email: 'mallory@example.com' })).toString('base64url');
  assertUnauthorized(await call(http, '/me', `Bearer ${header}.${forged}.${signature}`), 'the token signature is invalid');
  assertUnauthorized(await call(http, '/me', `Bearer ${stranger.idToken}`), 'the token does not have a valid issuer');
  assertUnauthorized(await call(http, '/me', 'Bearer not-a-jwt'), 'the token is malformed');
});

test('JWT authorizer: a token for another audience is 401 "the token does not have a valid audience"', async () => {
  const http = gateway();
  assertUnauthorized(await call(http, '/audience', `Bearer ${user.idToken}`), 'the token does not have a valid audience');
  assertUnauthorized(await call(http, '/audience', `Bearer ${user.accessToken}`), 'the token does not have a valid audience');
});

test('JWT authorizer: a route with scopes needs one of them in the token, else 403 {"message":"Forbidden"}', async () => {
  const http = gateway();
  const denied = await call(http, '/orders', `Bearer ${user.accessToken}`);
  assert.is(denied.status, 403);
  assert.equal(json(denied), { message: 'Forbidden' });
  assert.is((await call(http, '/profile', `Bearer ${user.idToken}`)).status, 403, 'an ID token has no scope');
  assert.is(events.length, 0);
  assert.is((await call(http, '/profile', `Bearer ${user.accessToken}`)).status, 200);
  assert.equal(events[0].requestContext.authorizer.jwt.scopes, ['aws.cognito.signin.user.admin']);
});

test('JWT authorizer: claims reach the function as strings, arrays as "[a b]", scopes null without route scopes', async () => {
  const http = gateway();
  await call(http, '/me', `Bearer ${user.idToken}`);
  const token = payloadOf(user.idToken);
  const { claims, scopes } = events[0].requestContext.authorizer.jwt;
  assert.is(scopes, null);
  assert.is(claims.sub, token.sub);
  assert.is(claims.aud, user.clientId);
  assert.is(claims.token_use, 'id');
  assert.is(claims.email_verified, 'true');
  assert.is(claims.exp, String(token.exp));
  assert.is(claims.iat, String(token.iat));
  assert.is(claims['cognito:groups'], `[${(token['cognito:groups'] as string[]).join(' ')}]`);
  assert.match(claims['cognito:groups'], /^\[(admin editors|editors admin)\]$/);
  for (const value of Object.values(claims)) assert.type(value, 'string');
});

test('JWT authorizer: with payload 1.0 the claims are under requestContext.authorizer.jwt too', async () => {
  const http = gateway();
  await call(http, '/v1', `Bearer ${user.idToken}`);
  assert.is(events[0].version, '1.0');
  assert.is(events[0].requestContext.authorizer.jwt.claims.aud, user.clientId);
});

test.run();
