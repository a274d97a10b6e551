import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, DEFAULTS, resolveConfig, splitOrigins } from '../../src/config.js';
import { spawnCli } from '../helpers/child.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

/**
 * Browser apps (amazon-cognito-identity-js, Amplify) call `/` across origins: a preflight `OPTIONS /`, then the POST,
 * whose answer the page's script may read only with CORS headers (src/server/cors.ts). Pages the cross-site guard
 * trusts (loopback, --allow-origin) get them; any other page gets none, and its calls stay refused.
 */
const test = suite('CORS at the AWS front door');
const LAN_APP = 'http://192.168.1.20:3000';
const PROXIED_APP = 'https://app.dev.test';
let emulator: TestEmulator;

test.before(async () => {
  emulator = await startTestEmulator({ allowOrigins: [LAN_APP, 'HTTPS://App.Dev.Test:443'] });
});
test.after(() => emulator.close());

const preflight = (origin: string) =>
  emulator.app.inject({
    method: 'OPTIONS',
    url: '/',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent' },
  });
const call = (target: string, body: object, origin?: string) =>
  emulator.app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, ...(origin ? { origin } : {}) },
    payload: JSON.stringify(body),
  });

function assertCorsFor(answer: { headers: Record<string, unknown> }, origin: string, what: string) {
  assert.is(answer.headers['access-control-allow-origin'], origin, what);
  assert.match(String(answer.headers.vary), /Origin/, what);
  for (const exposed of ['x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-errormessage', 'date']) {
    assert.ok(String(answer.headers['access-control-expose-headers']).split(/,\s*/).includes(exposed), `${what}: exposes ${exposed}`);
  }
}

test('Preflight: a loopback page and an --allow-origin page get the headers the SDKs send allowed', async () => {
  for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173', LAN_APP, PROXIED_APP]) {
    const answer = await preflight(origin);
    assert.is(answer.statusCode, 204, origin);
    assertCorsFor(answer, origin, origin);
    assert.match(String(answer.headers['access-control-allow-methods']), /POST/, origin);
    const allowed = String(answer.headers['access-control-allow-headers']).split(/,\s*/);
    for (const header of ['content-type', 'x-amz-target', 'x-amz-user-agent', 'authorization', 'x-amz-date', 'x-amz-security-token', 'cache-control', 'amz-sdk-invocation-id', 'amz-sdk-request']) {
      assert.ok(allowed.includes(header), `${origin}: allows ${header}`);
    }
    assert.ok(Number(answer.headers['access-control-max-age']) > 0, origin);
  }
});

test('Preflight: a page of another site gets no CORS header at all', async () => {
  for (const origin of ['https://evil.example', 'http://192.168.1.20:3001', 'https://app.dev.test:8443', 'null']) {
    const answer = await preflight(origin);
    assert.is(answer.statusCode, 403, origin);
    assert.is(answer.headers['access-control-allow-origin'], undefined, origin);
    assert.is(answer.headers['access-control-allow-headers'], undefined, origin);
  }
});

test('CORS: a user-pools answer to a trusted page carries its origin, successes and AWS errors alike', async () => {
  const created = await call('AWSCognitoIdentityProviderService.CreateUserPool', { PoolName: 'browser' }, LAN_APP);
  assert.is(created.statusCode, 200, created.body);
  assertCorsFor(created, LAN_APP, 'CreateUserPool');
  // The SDK learns the error's type from x-amzn-errortype: the page can read it only because it is exposed.
  const failed = await call('AWSCognitoIdentityProviderService.SignUp', { ClientId: 'nosuchclient', Username: 'a', Password: 'Passw0rd!' }, 'http://localhost:3000');
  assert.ok(failed.statusCode >= 400 && failed.statusCode < 500, failed.body);
  assert.is(failed.headers['x-amzn-errortype'], 'ResourceNotFoundException');
  assertCorsFor(failed, 'http://localhost:3000', 'SignUp error');
});

test('CORS: an identity-pools answer (the same front door) carries the origin too', async () => {
  const failed = await call('AWSCognitoIdentityService.GetId', { IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }, PROXIED_APP);
  assert.is(failed.statusCode, 400, failed.body);
  assert.is(failed.headers['x-amzn-errortype'], 'ResourceNotFoundException');
  assertCorsFor(failed, PROXIED_APP, 'GetId error');
  const malformed = await call('AWSCognitoIdentityService.GetId', { IdentityPoolId: 'not a pool id' }, PROXIED_APP);
  assert.is(malformed.statusCode, 400, malformed.body);
  assertCorsFor(malformed, PROXIED_APP, 'GetId bad input');
});

test('CORS: a call from another site stays refused and carries no CORS header; SDK calls without Origin get none', async () => {
  const refused = await call('AWSCognitoIdentityProviderService.CreateUserPool', { PoolName: 'from-evil' }, 'https://evil.example');
  assert.is(refused.statusCode, 403);
  assert.is(refused.headers['access-control-allow-origin'], undefined);
  const sdk = await call('AWSCognitoIdentityProviderService.ListUserPools', { MaxResults: 60 });
  assert.is(sdk.statusCode, 200);
  assert.is(sdk.headers['access-control-allow-origin'], undefined);
  assert.not.ok(JSON.parse(sdk.body).UserPools.some((pool: { Name: string }) => pool.Name === 'from-evil'));
});

test('CORS: the OAuth2 endpoints a page fetches (token, userInfo, revoke) answer trusted pages, errors included', async () => {
  for (const url of ['/oauth2/token', '/oauth2/userInfo', '/oauth2/revoke']) {
    const answer = await emulator.app.inject({ method: 'OPTIONS', url, headers: { origin: LAN_APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    assert.is(answer.statusCode, 204, url);
    assertCorsFor(answer, LAN_APP, url);
  }
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const bad = await emulator.app.inject({ method: 'POST', url: '/oauth2/token', headers: { ...form, origin: LAN_APP }, payload: 'grant_type=authorization_code&client_id=nosuchclient&code=x' });
  assert.ok(bad.statusCode >= 400 && bad.statusCode < 500, bad.body);
  assert.ok(JSON.parse(bad.body).error, bad.body);
  assertCorsFor(bad, LAN_APP, 'token error');
  const other = await emulator.app.inject({ method: 'POST', url: '/oauth2/token', headers: { ...form, origin: 'https://evil.example' }, payload: 'grant_type=authorization_code&client_id=nosuchclient&code=x' });
  assert.is(other.headers['access-control-allow-origin'], undefined);
});

test('CORS: other paths are left to their own rules (no CORS answer from the front door)', async () => {
  const answer = await emulator.app.inject({ method: 'OPTIONS', url: '/_cogniform/reset', headers: { origin: LAN_APP, 'access-control-request-method': 'POST' } });
  assert.is(answer.headers['access-control-allow-origin'], undefined);
});

test('--allow-origin *: every page is trusted (documented as unsafe)', async () => {
  const open = await startTestEmulator({ allowOrigins: ['*'] });
  try {
    const answer = await open.app.inject({ method: 'OPTIONS', url: '/', headers: { origin: 'https://anything.example', 'access-control-request-method': 'POST' } });
    assert.is(answer.statusCode, 204);
    assert.is(answer.headers['access-control-allow-origin'], 'https://anything.example');
    const created = await open.app.inject({
      method: 'POST', url: '/', payload: '{"PoolName":"open"}',
      headers: { origin: 'https://anything.example', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool' },
    });
    assert.is(created.statusCode, 200, created.body);
  } finally {
    await open.close();
  }
});

test('--allow-origin: repeatable and comma-separated, from COGNIFORM_ALLOW_ORIGINS too', () => {
  assert.equal(splitOrigins(['http://a.test:3000, http://b.test', 'capacitor://localhost', ' ']), ['http://a.test:3000', 'http://b.test', 'capacitor://localhost']);
  assert.equal(resolveConfig({}, { COGNIFORM_ALLOW_ORIGINS: 'http://a.test:3000,https://[fd00::1]:8443' }).allowOrigins, ['http://a.test:3000', 'https://[fd00::1]:8443']);
  assert.equal(resolveConfig({ allowOrigins: ['*'] }, { COGNIFORM_ALLOW_ORIGINS: 'http://a.test' }).allowOrigins, ['*'], 'the flag wins over the environment');
  assert.is(resolveConfig({}, {}).allowOrigins, DEFAULTS.allowOrigins);
});

test('--allow-origin: anything but scheme://host[:port] is a ConfigError', () => {
  for (const bad of ['192.168.1.20:3000', 'http://a.test/', 'http://a.test/app', 'http://a.test:99999', 'http://user@a.test', 'http://', 'a.test', 'http://a.test?x=1']) {
    assert.throws(() => resolveConfig({ allowOrigins: [bad] }, {}), (error: unknown) => error instanceof ConfigError && /--allow-origin: ".*" is not an origin/.test((error as Error).message), bad);
  }
  assert.throws(() => resolveConfig({}, { COGNIFORM_ALLOW_ORIGINS: 'http://ok.test,not-an-origin' }), (error: unknown) => error instanceof ConfigError);
});

test('CLI: --allow-origin with a bad origin exits 2 and says what is wrong', async () => {
  const exit = await spawnCli(['start', '--in-memory', '--port', '0', '--allow-origin', 'http://ok.test', '--allow-origin', 'lan-app:3000']).exited;
  assert.is(exit.code, 2, exit.stderr);
  assert.match(exit.stderr, /--allow-origin: "lan-app:3000" is not an origin/);
});

test.run();
