import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CreateUserPoolClientCommand, GetUserCommand, UpdateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { basic, CALLBACK, claimsOf, codeFor, oauthApp, pkcePair, postForm, withOAuthApp } from './harness.js';

// POST /oauth2/token with authorization_code and refresh_token (token-endpoint; RFC 6749 §4.1.3, §5, §6; RFC 7636).

let now = Date.now();
const clock = { now: () => new Date(now) };
const events: any[] = [];
const oauth = withOAuthApp(test, {
  clock,
  functions: { preToken: (event) => { events.push(event); return event; } },
});

const exchange = (code: string, extra: Record<string, string> = {}) =>
  postForm(oauth.emulator, '/oauth2/token', { grant_type: 'authorization_code', client_id: oauth.app.clientId, code, redirect_uri: CALLBACK, ...extra });

test('/oauth2/token: a code becomes ID, access and refresh tokens with the hosted claims', async () => {
  const code = await codeFor(oauth.pages, oauth.app, { scope: 'openid email aws.cognito.signin.user.admin', nonce: 'abc' });
  const response = await exchange(code);
  assert.is(response.status, 200);
  assert.is(response.headers.get('cache-control'), 'no-store');
  const body = await response.json();
  assert.equal(Object.keys(body).sort(), ['access_token', 'expires_in', 'id_token', 'refresh_token', 'token_type']);
  assert.is(body.token_type, 'Bearer');
  assert.is(body.expires_in, 3600);
  const access = claimsOf(body.access_token);
  assert.is(access.scope, 'openid email aws.cognito.signin.user.admin');
  assert.is(access.version, 2);
  assert.is(access.client_id, oauth.app.clientId);
  const id = claimsOf(body.id_token);
  assert.is(id.nonce, 'abc');
  assert.is(id.email, 'alice@example.com');
  const half = createHash('sha256').update(body.access_token).digest().subarray(0, 16).toString('base64url');
  assert.is(id.at_hash, half);
  // aws.cognito.signin.user.admin makes the access token good for the user's own API calls.
  const user = await oauth.emulator.client.send(new GetUserCommand({ AccessToken: body.access_token }));
  assert.is(user.Username, 'alice');
});

test('/oauth2/token: a code is single use', async () => {
  const code = await codeFor(oauth.pages, oauth.app);
  assert.is((await exchange(code)).status, 200);
  const again = await exchange(code);
  assert.is(again.status, 400);
  assert.equal(await again.json(), { error: 'invalid_grant' });
});

test('/oauth2/token: a code expires after 5 minutes', async () => {
  const code = await codeFor(oauth.pages, oauth.app);
  now += 5 * 60 * 1000 + 1;
  const response = await exchange(code);
  assert.is(response.status, 400);
  assert.equal(await response.json(), { error: 'invalid_grant' });
});

test('/oauth2/token: another redirect_uri or another client cannot redeem the code', async () => {
  const code = await codeFor(oauth.pages, oauth.app);
  assert.equal(await (await exchange(code, { redirect_uri: 'http://localhost:3000/other' })).json(), { error: 'invalid_grant' });
  // And the failed try used it up.
  assert.equal(await (await exchange(code)).json(), { error: 'invalid_grant' });
  const { UserPoolClient } = await oauth.emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: oauth.app.poolId, ClientName: 'other', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid'], CallbackURLs: [CALLBACK],
  }));
  const stolen = await codeFor(oauth.pages, oauth.app);
  assert.equal(await (await exchange(stolen, { client_id: UserPoolClient!.ClientId! })).json(), { error: 'invalid_grant' });
});

test('/oauth2/token: PKCE — the right verifier passes, a wrong or missing one is invalid_grant', async () => {
  const pkce = pkcePair();
  const challenge = { code_challenge: pkce.challenge, code_challenge_method: 'S256' };
  assert.is((await exchange(await codeFor(oauth.pages, oauth.app, challenge), { code_verifier: pkce.verifier })).status, 200);
  const wrong = await exchange(await codeFor(oauth.pages, oauth.app, challenge), { code_verifier: pkcePair().verifier });
  assert.equal([wrong.status, await wrong.json()], [400, { error: 'invalid_grant' }]);
  const missing = await exchange(await codeFor(oauth.pages, oauth.app, challenge));
  assert.equal([missing.status, await missing.json()], [400, { error: 'invalid_grant' }]);
});

test('/oauth2/token: a client with a secret must authenticate, by Basic or in the form', async () => {
  const secretApp = await oauthApp(oauth.emulator, { GenerateSecret: true });
  const exchangeAs = async (form: Record<string, string>, headers: Record<string, string> = {}) => {
    const code = await codeFor(oauth.pages, secretApp);
    return postForm(oauth.emulator, '/oauth2/token', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, ...form }, headers);
  };
  const none = await exchangeAs({ client_id: secretApp.clientId });
  assert.equal([none.status, await none.json()], [401, { error: 'invalid_client' }]);
  const wrong = await exchangeAs({}, { authorization: basic(secretApp.clientId, 'nope') });
  assert.is(wrong.status, 401);
  assert.is((await exchangeAs({}, { authorization: basic(secretApp.clientId, secretApp.clientSecret!) })).status, 200);
  assert.is((await exchangeAs({ client_id: secretApp.clientId, client_secret: secretApp.clientSecret! })).status, 200);
  const unknown = await postForm(oauth.emulator, '/oauth2/token', { grant_type: 'authorization_code', client_id: 'nobody', code: 'x', redirect_uri: CALLBACK });
  assert.equal([unknown.status, await unknown.json()], [401, { error: 'invalid_client' }]);
});

test('/oauth2/token: bad requests are RFC 6749 errors', async () => {
  const unsupported = await postForm(oauth.emulator, '/oauth2/token', { grant_type: 'password', client_id: oauth.app.clientId });
  assert.equal([unsupported.status, await unsupported.json()], [400, { error: 'unsupported_grant_type' }]);
  const noGrant = await postForm(oauth.emulator, '/oauth2/token', { client_id: oauth.app.clientId });
  assert.is((await noGrant.json()).error, 'invalid_request');
  const noCode = await postForm(oauth.emulator, '/oauth2/token', { grant_type: 'authorization_code', client_id: oauth.app.clientId, redirect_uri: CALLBACK });
  assert.equal([noCode.status, (await noCode.json()).error], [400, 'invalid_request']);
  assert.equal(await (await exchange('not-a-code')).json(), { error: 'invalid_grant' });
});

test('/oauth2/token: refresh_token keeps the session and its scopes, with no new refresh token', async () => {
  const first = await (await exchange(await codeFor(oauth.pages, oauth.app, { scope: 'openid profile' }))).json();
  const response = await postForm(oauth.emulator, '/oauth2/token', { grant_type: 'refresh_token', client_id: oauth.app.clientId, refresh_token: first.refresh_token });
  assert.is(response.status, 200);
  const body = await response.json();
  assert.equal(Object.keys(body).sort(), ['access_token', 'expires_in', 'id_token', 'token_type']);
  const access = claimsOf(body.access_token);
  assert.is(access.scope, 'openid profile');
  assert.is(access.version, 2);
  assert.is(access.origin_jti, claimsOf(first.access_token).origin_jti);
  assert.ok(claimsOf(body.id_token).at_hash);
  const forged = await postForm(oauth.emulator, '/oauth2/token', { grant_type: 'refresh_token', client_id: oauth.app.clientId, refresh_token: 'x.y.z.w.v' });
  assert.equal([forged.status, (await forged.json()).error], [400, 'invalid_grant']);
});

test('/oauth2/token: PreTokenGeneration runs with TokenGeneration_HostedAuth and the granted scopes', async () => {
  await oauth.emulator.client.send(new UpdateUserPoolCommand({
    UserPoolId: oauth.app.poolId,
    LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:preToken' } },
  }));
  events.length = 0;
  assert.is((await exchange(await codeFor(oauth.pages, oauth.app, { scope: 'openid email' }))).status, 200);
  assert.is(events.length, 1);
  assert.is(events[0].triggerSource, 'TokenGeneration_HostedAuth');
  assert.equal(events[0].request.scopes, ['openid', 'email']);
});

test.run();
