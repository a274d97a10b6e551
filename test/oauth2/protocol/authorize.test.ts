import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK, claimsOf, oauthApp, withOAuthApp } from './harness.js';

// GET /oauth2/authorize and completeAuthorization (authorization-endpoint; cognito-api.md §4.7).

const oauth = withOAuthApp(test);

const authorize = (query: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${oauth.emulator.url}/oauth2/authorize?${new URLSearchParams(query)}`, { redirect: 'manual', headers });
const base = () => ({ response_type: 'code', client_id: oauth.app.clientId, redirect_uri: CALLBACK, state: 'xyz' });
const errorOf = (response: Response) => Object.fromEntries(new URL(response.headers.get('location')!).searchParams);

test('/oauth2/authorize: without a session the browser goes to /login with the same parameters', async () => {
  const response = await authorize({ ...base(), scope: 'openid email' });
  assert.is(response.status, 302);
  const location = new URL(response.headers.get('location')!, oauth.emulator.url);
  assert.is(location.pathname, '/login');
  assert.equal(Object.fromEntries(location.searchParams), { ...base(), scope: 'openid email' });
});

test('/oauth2/authorize: a foreign or missing redirect_uri gets a 400 page, never a redirect', async () => {
  for (const redirect of ['https://evil.example/callback', `${CALLBACK}/`, `${CALLBACK}?x=1`, '']) {
    const response = await authorize({ ...base(), redirect_uri: redirect });
    assert.is(response.status, 400, redirect);
    assert.is(response.headers.get('location'), null);
    assert.match(response.headers.get('content-type')!, /text\/html/);
  }
});

test('/oauth2/authorize: a pool\'s domain serves its own clients only; other hosts serve every pool', async () => {
  const other = await oauthApp(oauth.emulator);
  for (const [poolId, domain] of [[oauth.app.poolId, 'mine'], [other.poolId, 'auth.other.example']] as const) {
    await oauth.emulator.call('CreateUserPoolDomain', {
      UserPoolId: poolId, Domain: domain,
      ...(domain.includes('.') ? { CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x' } } : {}),
    });
  }
  const at = (host: string, clientId: string) => oauth.emulator.app.inject({
    method: 'GET', url: `/oauth2/authorize?${new URLSearchParams({ ...base(), client_id: clientId })}`, headers: { host },
  });
  assert.is((await at('mine.auth.us-east-1.amazoncognito.com', oauth.app.clientId)).statusCode, 302);
  const foreign = await at('mine.auth.us-east-1.amazoncognito.com:4566', other.clientId);
  assert.is(foreign.statusCode, 400);
  assert.is(foreign.headers.location, undefined);
  assert.is((await at('auth.other.example', other.clientId)).statusCode, 302);
  assert.is((await at('auth.other.example', oauth.app.clientId)).statusCode, 400);
  assert.is((await at('localhost:4566', other.clientId)).statusCode, 302);
});

test('/oauth2/authorize: an unknown client gets a 400 page that escapes what it echoes', async () => {
  const response = await authorize({ ...base(), client_id: '<script>alert(1)</script>' });
  assert.is(response.status, 400);
  const html = await response.text();
  assert.not.match(html, '<script>');
  assert.match(html, '&lt;script&gt;');
});

test('/oauth2/authorize: scope errors go back to the redirect_uri with the state', async () => {
  const unknown = await authorize({ ...base(), scope: 'openid admin' });
  assert.is(unknown.status, 302);
  assert.equal({ ...errorOf(unknown), error_description: undefined }, { error: 'invalid_scope', state: 'xyz', error_description: undefined });
  const withoutOpenid = await authorize({ ...base(), scope: 'email' });
  assert.is(errorOf(withoutOpenid).error, 'invalid_scope');
  assert.ok(new URL(withoutOpenid.headers.get('location')!).href.startsWith(`${CALLBACK}?`));
});

test('/oauth2/authorize: a flow the client does not allow is unauthorized_client; an unknown one unsupported_response_type', async () => {
  const implicitOnly = await oauthApp(oauth.emulator, { AllowedOAuthFlows: ['implicit'] });
  const response = await authorize({ ...base(), client_id: implicitOnly.clientId });
  assert.equal(errorOf(response), { error: 'unauthorized_client', state: 'xyz' });
  const off = await oauthApp(oauth.emulator, { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: [], AllowedOAuthScopes: [] });
  assert.is(errorOf(await authorize({ ...base(), client_id: off.clientId })).error, 'unauthorized_client');
  assert.is(errorOf(await authorize({ ...base(), response_type: 'id_token' })).error, 'unsupported_response_type');
});

test('/oauth2/authorize: PKCE plain and a federated identity_provider are refused by redirect', async () => {
  const plain = await authorize({ ...base(), code_challenge: 'abc', code_challenge_method: 'plain' });
  assert.is(errorOf(plain).error, 'invalid_request');
  assert.is(errorOf(plain).state, 'xyz');
  assert.is(errorOf(await authorize({ ...base(), code_challenge: 'abc' })).error, 'invalid_request');
  assert.is(errorOf(await authorize({ ...base(), identity_provider: 'Google' })).error, 'unauthorized_client');
  const cognito = await authorize({ ...base(), identity_provider: 'COGNITO' });
  assert.is(new URL(cognito.headers.get('location')!, oauth.emulator.url).pathname, '/login');
});

test('/oauth2/authorize: completeAuthorization sends a code and the state, and sets an HttpOnly session cookie', async () => {
  const completed = await pagesComplete({ ...base() });
  assert.is(completed.status, 302);
  const location = new URL(completed.location);
  assert.is(`${location.origin}${location.pathname}`, CALLBACK);
  assert.match(location.searchParams.get('code')!, /^[0-9a-f-]{36}$/);
  assert.is(location.searchParams.get('state'), 'xyz');
  assert.ok(completed.cookie?.startsWith('cogniform-session='));
});

test('/oauth2/authorize: a live session cookie skips the sign-in page', async () => {
  const { cookie } = await pagesComplete({ ...base() });
  const response = await authorize({ ...base(), state: 'again' }, { cookie: cookie! });
  assert.is(response.status, 302);
  const location = new URL(response.headers.get('location')!);
  assert.is(`${location.origin}${location.pathname}`, CALLBACK);
  assert.ok(location.searchParams.get('code'));
  assert.is(location.searchParams.get('state'), 'again');
  // The cookie of another pool's session does not count.
  const other = await oauthApp(oauth.emulator);
  const elsewhere = await authorize({ ...base(), client_id: other.clientId }, { cookie: cookie! });
  assert.is(new URL(elsewhere.headers.get('location')!, oauth.emulator.url).pathname, '/login');
});

test('/oauth2/authorize: the implicit flow answers tokens in the fragment, the ID token only with openid', async () => {
  const withOpenid = await pagesComplete({ ...base(), response_type: 'token', scope: 'openid email', nonce: 'n-1' });
  const fragment = new URLSearchParams(new URL(withOpenid.location).hash.slice(1));
  assert.equal([...fragment.keys()].sort(), ['access_token', 'expires_in', 'id_token', 'state', 'token_type']);
  assert.is(fragment.get('token_type'), 'Bearer');
  assert.is(fragment.get('expires_in'), '3600');
  const id = claimsOf(fragment.get('id_token')!);
  assert.is(id.nonce, 'n-1');
  assert.ok(id.at_hash);
  assert.is(claimsOf(fragment.get('access_token')!).scope, 'openid email');
  const without = await pagesComplete({ ...base(), response_type: 'token', scope: 'aws.cognito.signin.user.admin' });
  const bare = new URLSearchParams(new URL(without.location).hash.slice(1));
  assert.is(bare.get('id_token'), null);
  assert.ok(bare.get('access_token'));
});

function pagesComplete(query: Record<string, string>) {
  return oauth.pages.complete('alice', query);
}

test.run();
