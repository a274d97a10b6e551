import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { confirmedUser, hostedApp, PASSWORD, type HostedApp } from './app.js';
import { formWith, HttpAgent, submission } from './form.js';

// openid-client (v6, from npm) as a web app's backend uses it: everything from the pool's discovery document, the
// code flow with PKCE, state and nonce (the library checks them and the ID token's claims), then userInfo and a
// refresh. The sign-in page is driven over HTTP, with the hidden fields the login form carries.

const CALLBACK = 'http://localhost:3000/callback';

let emulator: TestEmulator;
let app: HostedApp;
let config: oidc.Configuration;

test.before(async () => {
  emulator = await startTestEmulator();
  app = await hostedApp(emulator, CALLBACK, { GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] });
  await confirmedUser(emulator, app.poolId, 'ana');
  // The local issuer is plain http, which openid-client refuses unless told (DESIGN.md §3 "issuer").
  config = await oidc.discovery(new URL(app.issuer), app.clientId, undefined, oidc.ClientSecretPost(app.clientSecret!), {
    execute: [oidc.allowInsecureRequests],
  });
});
test.after(() => emulator?.close());

interface Started {
  verifier: string;
  state: string;
  nonce: string;
  url: URL;
}

async function start(): Promise<Started> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK, scope: 'openid email profile', state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  return { verifier, state, nonce, url };
}

/** Authorize in `agent` (signing in on the login form when it is shown); the URL the app's callback is sent to. */
async function callbackUrl(agent: HttpAgent, authorize: URL): Promise<URL> {
  let { url, response } = await agent.follow(authorize.href, emulator.url);
  if (!url.startsWith(CALLBACK)) {
    assert.is(response.status, 200, `the login page, at ${url}`);
    assert.is(new URL(url).pathname, '/login');
    const form = formWith(await response.text(), 'password', url);
    assert.is(form.method, 'post');
    ({ url, response } = await agent.follow(form.action, emulator.url, submission(form, { username: 'ana', password: PASSWORD })));
  }
  assert.ok(url.startsWith(`${CALLBACK}?`), `redirected to the callback, not ${url} (${response.status})`);
  return new URL(url);
}

test('openid-client: discovery gives the hosted-UI endpoints of the emulator', () => {
  const server = config.serverMetadata();
  assert.is(server.issuer, app.issuer);
  assert.is(server.authorization_endpoint, `${emulator.url}/oauth2/authorize`);
  assert.is(server.token_endpoint, `${emulator.url}/oauth2/token`);
  assert.is(server.userinfo_endpoint, `${emulator.url}/oauth2/userInfo`);
});

test('openid-client: the code flow with PKCE, state and nonce, then userInfo and a refresh', async () => {
  const started = await start();
  const landed = await callbackUrl(new HttpAgent(), started.url);
  const tokens = await oidc.authorizationCodeGrant(config, landed, {
    pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce, idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  assert.is(claims.iss, app.issuer);
  assert.is(claims.aud, app.clientId);
  assert.is(claims.nonce, started.nonce);
  assert.is(claims['cognito:username'], 'ana');
  assert.type(claims.at_hash, 'string');
  assert.is(tokens.token_type.toLowerCase(), 'bearer');
  assert.equal(String(decodeJwt(tokens.access_token).scope).split(' ').sort(), ['email', 'openid', 'profile']);

  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.is(info.sub, claims.sub);
  assert.is(info.email, 'ana@example.com');
  assert.is(String(info.email_verified), 'true');

  assert.ok(tokens.refresh_token, 'the code flow gives a refresh token');
  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
  assert.ok(refreshed.access_token);
  assert.is(refreshed.claims()?.sub, claims.sub);
});

test('openid-client: a wrong PKCE verifier and a replayed code are invalid_grant', async () => {
  const agent = new HttpAgent();
  const started = await start();
  const landed = await callbackUrl(agent, started.url);
  const refused = await oidc.authorizationCodeGrant(config, landed, {
    pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: started.state, expectedNonce: started.nonce,
  }).then(() => undefined, (error: unknown) => error as { error?: string; status?: number });
  assert.is(refused?.error, 'invalid_grant');
  assert.is(refused?.status, 400);

  // The session cookie skips the form; its code works once.
  const again = await start();
  const second = await callbackUrl(agent, again.url);
  const checks = { pkceCodeVerifier: again.verifier, expectedState: again.state, expectedNonce: again.nonce };
  await oidc.authorizationCodeGrant(config, second, checks);
  const replayed = await oidc.authorizationCodeGrant(config, second, checks).then(() => undefined, (error: unknown) => error as { error?: string });
  assert.is(replayed?.error, 'invalid_grant');
});

test.run();
