import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { basic, CALLBACK, codeFor, oauthApp, postForm, type OAuthApp, withOAuthApp } from './harness.js';

// POST /oauth2/revoke (revocation-endpoint; RFC 7009).

const oauth = withOAuthApp(test, {}, { app: false });

async function tokensOf(app: OAuthApp, auth: Record<string, string> = { client_id: app.clientId }, headers: Record<string, string> = {}) {
  const code = await codeFor(oauth.pages, app);
  return (await postForm(oauth.emulator, '/oauth2/token', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, ...auth }, headers)).json();
}

const refresh = (app: OAuthApp, token: string, headers: Record<string, string> = {}, form: Record<string, string> = { client_id: app.clientId }) =>
  postForm(oauth.emulator, '/oauth2/token', { grant_type: 'refresh_token', refresh_token: token, ...form }, headers);

test('/oauth2/revoke: the refresh token stops working, and so does the session\'s access token', async () => {
  const app = await oauthApp(oauth.emulator);
  const tokens = await tokensOf(app);
  const response = await postForm(oauth.emulator, '/oauth2/revoke', { token: tokens.refresh_token, client_id: app.clientId });
  assert.is(response.status, 200);
  assert.is(await response.text(), '');
  assert.equal(await (await refresh(app, tokens.refresh_token)).json(), { error: 'invalid_grant', error_description: 'Refresh Token has been revoked' });
  const info = await fetch(`${oauth.emulator.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  assert.is(info.status, 401);
});

test('/oauth2/revoke: an unknown or already revoked token is 200', async () => {
  const app = await oauthApp(oauth.emulator);
  assert.is((await postForm(oauth.emulator, '/oauth2/revoke', { token: 'unknown-token', client_id: app.clientId })).status, 200);
  const { refresh_token: token } = await tokensOf(app);
  for (let i = 0; i < 2; i++) assert.is((await postForm(oauth.emulator, '/oauth2/revoke', { token, client_id: app.clientId })).status, 200);
});

test('/oauth2/revoke: a client with a secret authenticates (Basic); a wrong secret is 401 invalid_client', async () => {
  const app = await oauthApp(oauth.emulator, { GenerateSecret: true });
  const auth = { authorization: basic(app.clientId, app.clientSecret!) };
  const tokens = await tokensOf(app, {}, auth);
  const wrong = await postForm(oauth.emulator, '/oauth2/revoke', { token: tokens.refresh_token }, { authorization: basic(app.clientId, 'x') });
  assert.equal([wrong.status, await wrong.json()], [401, { error: 'invalid_client' }]);
  assert.is((await refresh(app, tokens.refresh_token, auth, {})).status, 200);
  assert.is((await postForm(oauth.emulator, '/oauth2/revoke', { token: tokens.refresh_token }, auth)).status, 200);
  assert.is((await refresh(app, tokens.refresh_token, auth, {})).status, 400);
});

test('/oauth2/revoke: no token is invalid_request; an access token is unsupported_token_type', async () => {
  const app = await oauthApp(oauth.emulator);
  const none = await postForm(oauth.emulator, '/oauth2/revoke', { client_id: app.clientId });
  assert.equal([none.status, (await none.json()).error], [400, 'invalid_request']);
  const { access_token: access } = await tokensOf(app);
  const wrongType = await postForm(oauth.emulator, '/oauth2/revoke', { token: access, client_id: app.clientId });
  assert.equal([wrongType.status, await wrongType.json()], [400, { error: 'unsupported_token_type' }]);
});

test.run();
