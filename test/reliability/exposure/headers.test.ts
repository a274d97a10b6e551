import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { withEmulator } from '../../helpers/emulator.js';
import { hostedApp, type HostedApp } from '../../e2e/hostedUi/app.js';

/**
 * Security headers on every kind of answer cogniform gives: its own JSON and XML APIs, their errors, the
 * /_cogniform endpoints, discovery documents, OAuth2 answers, and the hosted UI's pages (which set stricter ones).
 */
const test = suite('exposure: security headers');
let app: HostedApp;
const running = withEmulator(test, (emulator) => emulator.client, {
  ready: async ({ emulator }) => {
    app = await hostedApp(emulator, 'http://localhost:3000/callback');
  },
});

const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: string) =>
  running.emulator.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
const json = (target: string, body: string) =>
  inject('POST', '/', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body);

test('API responses: AWS JSON answers and their errors say X-Content-Type-Options: nosniff', async () => {
  const answers = {
    ok: await json('AWSCognitoIdentityProviderService.ListUserPools', '{"MaxResults":5}'),
    notFound: await json('AWSCognitoIdentityProviderService.DescribeUserPool', '{"UserPoolId":"us-east-1_nothere00"}'),
    badJson: await json('AWSCognitoIdentityProviderService.ListUserPools', '{"MaxResults":'),
    unknownTarget: await json('AWSCognitoIdentityProviderService.NoSuchOperation', '{}'),
    ssm: await json('AmazonSSM.GetParameter', '{"Name":"/nothing/here"}'),
  };
  assert.equal(Object.values(answers).map((a) => a.statusCode), [200, 404, 400, 400, 400]);
  for (const [name, answer] of Object.entries(answers)) {
    assert.is(answer.headers['x-content-type-options'], 'nosniff', name);
    assert.match(String(answer.headers['content-type']), /^application\/x-amz-json-1\.1/, name);
  }
});

test('API responses: query-protocol XML answers (STS, CloudFormation) say nosniff too', async () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const ok = await inject('POST', '/', form, 'Action=GetCallerIdentity&Version=2011-06-15');
  const bad = await inject('POST', '/', form, 'Action=NoSuchAction&Version=2010-05-15');
  assert.equal([ok.statusCode, bad.statusCode], [200, 400]);
  for (const answer of [ok, bad]) assert.is(answer.headers['x-content-type-options'], 'nosniff');
});

test('/_cogniform endpoints: health, codes, routes, stacks, a 400 and an unknown path say nosniff', async () => {
  const answers = await Promise.all([
    inject('GET', '/_cogniform/health'),
    inject('GET', '/_cogniform/codes'),
    inject('GET', '/_cogniform/routes'),
    inject('GET', '/_cogniform/stacks'),
    inject('GET', '/_cogniform/codes?limit=nope'),
    inject('GET', '/_cogniform/nothing'),
  ]);
  assert.equal(answers.map((a) => a.statusCode), [200, 200, 200, 200, 400, 404]);
  for (const answer of answers) assert.is(answer.headers['x-content-type-options'], 'nosniff', answer.raw.req.url);
});

test('JWKS, discovery and OAuth2: answers and errors say nosniff; token answers are not cached', async () => {
  const jwks = await inject('GET', `/${app.poolId}/.well-known/jwks.json`);
  const discovery = await inject('GET', `/${app.poolId}/.well-known/openid-configuration`);
  const token = await inject('POST', '/oauth2/token', { 'content-type': 'application/x-www-form-urlencoded' }, 'grant_type=authorization_code&code=nope');
  const userInfo = await inject('GET', '/oauth2/userInfo', { authorization: 'Bearer not-a-token' });
  assert.equal([jwks.statusCode, discovery.statusCode], [200, 200]);
  assert.ok(token.statusCode >= 400 && token.statusCode < 500, String(token.statusCode));
  assert.ok(userInfo.statusCode >= 400 && userInfo.statusCode < 500, String(userInfo.statusCode));
  for (const answer of [jwks, discovery, token, userInfo]) assert.is(answer.headers['x-content-type-options'], 'nosniff', answer.raw.req.url);
  assert.is(token.headers['cache-control'], 'no-store');
});

test('hosted UI: the login page forbids framing and scripts, is not cached and says nosniff', async () => {
  const query = new URLSearchParams({ client_id: app.clientId, response_type: 'code', redirect_uri: app.callbackUrl, scope: 'openid' });
  const page = await inject('GET', `/login?${query}`);
  assert.is(page.statusCode, 200);
  assert.match(String(page.headers['content-security-policy']), /default-src 'none'.*frame-ancestors 'none'/);
  assert.not.match(String(page.headers['content-security-policy']), /script-src/);
  assert.is(page.headers['x-frame-options'], 'DENY');
  assert.is(page.headers['x-content-type-options'], 'nosniff');
  assert.is(page.headers['cache-control'], 'no-store');
  assert.is(page.headers['referrer-policy'], 'no-referrer');
});

test('hosted UI: a redirect_uri the client does not list gets an error page that says nosniff, never a redirect', async () => {
  const query = new URLSearchParams({ client_id: app.clientId, response_type: 'code', redirect_uri: 'https://evil.example/cb' });
  // The hosted UI's page (/login) and the OAuth2 endpoint's own (/oauth2/authorize) alike.
  for (const path of ['/login', '/oauth2/authorize']) {
    const page = await inject('GET', `${path}?${query}`);
    assert.is(page.statusCode, 400, path);
    assert.is(page.headers.location, undefined);
    assert.is(page.headers['x-content-type-options'], 'nosniff');
    assert.is(page.headers['x-frame-options'], 'DENY', path);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
  }
});

test.run();
