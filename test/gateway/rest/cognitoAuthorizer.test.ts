import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeJwt } from 'jose';
import { json, startRestHarness, type RestHarness } from './harness.js';

// COGNITO_USER_POOLS with real tokens from a real emulator: `/me` has no scopes (ID tokens), `/profile` wants
// `aws.cognito.signin.user.admin` (access tokens from InitiateAuth carry it), `/admin` wants `api/admin`.

interface Context {
  h: RestHarness;
  api: string;
  tokens: { idToken: string; accessToken: string };
  other: { idToken: string; accessToken: string };
}

const test = suite<Context>('REST COGNITO_USER_POOLS authorizer');

test.before(async (context) => {
  context.h = await startRestHarness({ 'restapp-local-claims': (event: unknown) => ({ statusCode: 200, body: JSON.stringify(event) }) });
  context.api = context.h.physicalId('restapp-local', 'ApiGatewayRestApi');
  context.tokens = await context.h.signIn('UserPool', 'UserPoolClient', 'alice');
  context.other = await context.h.signIn('OtherPool', 'OtherPoolClient', 'mallory');
});
test.after(async ({ h }) => h.emulator.close());
test.after.each(({ h }) => {
  h.clock.offsetMs = 0;
});

const get = (c: Context, path: string, authorization?: string) =>
  c.h.call(c.api, 'local', 'GET', path, { headers: authorization === undefined ? {} : { authorization } });

const UNAUTHORIZED = '{"message":"Unauthorized"}';

test('REST COGNITO_USER_POOLS authorizer: a valid ID token, raw or Bearer, reaches the function', async (c) => {
  for (const header of [c.tokens.idToken, `Bearer ${c.tokens.idToken}`]) {
    const response = await get(c, '/me', header);
    assert.is(response.status, 200);
    assert.is(json(response).requestContext.authorizer.claims.token_use, 'id');
  }
});

test('REST COGNITO_USER_POOLS authorizer: claims are rendered as strings, exp and iat as Java dates', async (c) => {
  const { authorizer } = json(await get(c, '/me', c.tokens.idToken)).requestContext;
  const token = decodeJwt(c.tokens.idToken);
  const { claims } = authorizer;
  assert.ok(Object.values(claims).every((value) => typeof value === 'string'));
  assert.is(claims.sub, token.sub);
  assert.is(claims.auth_time, String(token.auth_time));
  assert.match(claims.exp, /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}$/);
  assert.is(new Date(claims.exp.replace(/^\w+ (\w+) (\d+) ([\d:]+) UTC (\d+)$/, '$1 $2 $4 $3 UTC')).getTime(), (token.exp as number) * 1000);
  assert.is(claims.iss, token.iss);
  assert.is(authorizer.scopes, null);
});

test('REST COGNITO_USER_POOLS authorizer: no method scopes refuses an access token', async (c) => {
  const response = await get(c, '/me', c.tokens.accessToken);
  assert.is(response.status, 401);
  assert.is(response.body, UNAUTHORIZED);
});

test('REST COGNITO_USER_POOLS authorizer: method scopes want an access token holding one of them', async (c) => {
  const ok = await get(c, '/profile', c.tokens.accessToken);
  assert.is(ok.status, 200);
  assert.is(json(ok).requestContext.authorizer.claims.token_use, 'access');
  assert.equal(json(ok).requestContext.authorizer.scopes, ['aws.cognito.signin.user.admin']);
  assert.is((await get(c, '/profile', c.tokens.idToken)).status, 401, 'an ID token where scopes are required');
  const wrongScope = await get(c, '/admin', c.tokens.accessToken);
  assert.is(wrongScope.status, 401);
  assert.is(wrongScope.body, UNAUTHORIZED);
});

test('REST COGNITO_USER_POOLS authorizer: missing, tampered and other-pool tokens are 401 Unauthorized', async (c) => {
  const [header, payload, signature] = c.tokens.idToken.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${signature}`;
  for (const [what, authorization] of [
    ['missing', undefined], ['empty', ''], ['garbage', 'not-a-jwt'], ['tampered', tampered], ['other pool', c.other.idToken],
  ] as const) {
    const response = await get(c, '/me', authorization);
    assert.is(response.status, 401, what);
    assert.is(response.body, UNAUTHORIZED, what);
    assert.is(response.headers['x-amzn-errortype'], 'UnauthorizedException');
  }
});

test('REST COGNITO_USER_POOLS authorizer: an expired token says so', async (c) => {
  c.h.clock.offsetMs = 2 * 3600_000;
  const response = await get(c, '/me', c.tokens.idToken);
  assert.is(response.status, 401);
  assert.is(response.body, '{"message":"The incoming token has expired"}');
});

test('REST COGNITO_USER_POOLS authorizer: the function is not invoked when the token is refused', async (c) => {
  const before = c.h.invocations['restapp-local-claims']?.length ?? 0;
  await get(c, '/me', c.other.idToken);
  assert.is(c.h.invocations['restapp-local-claims']?.length ?? 0, before);
});

test.run();
