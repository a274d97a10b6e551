import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  AdminUserGlobalSignOutCommand, CreateUserPoolCommand, CreateUserPoolDomainCommand, InitiateAuthCommand, UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CALLBACK, codeFor, PASSWORD, postForm, withOAuthApp } from './harness.js';

// GET|POST /oauth2/userInfo (userinfo-endpoint; cognito-api.md §4.7).

const oauth = withOAuthApp(test);

async function accessToken(scope: string): Promise<string> {
  const code = await codeFor(oauth.pages, oauth.app, { scope });
  const response = await postForm(oauth.emulator, '/oauth2/token', { grant_type: 'authorization_code', client_id: oauth.app.clientId, code, redirect_uri: CALLBACK });
  return (await response.json()).access_token;
}

const userInfo = (token?: string, method = 'GET') =>
  fetch(`${oauth.emulator.url}/oauth2/userInfo`, { method, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

test('/oauth2/userInfo: openid with email gives sub, username and the email claims, as strings', async () => {
  const response = await userInfo(await accessToken('openid email'));
  assert.is(response.status, 200);
  const body = await response.json();
  assert.equal({ ...body, sub: typeof body.sub }, { sub: 'string', email: 'alice@example.com', email_verified: 'true', username: 'alice' });
});

test('/oauth2/userInfo: openid alone gives every attribute the client reads; profile the profile ones; POST works too', async () => {
  const all = await (await userInfo(await accessToken('openid'), 'POST')).json();
  assert.equal(Object.keys(all).sort(), ['email', 'email_verified', 'name', 'phone_number', 'sub', 'username']);
  const profile = await (await userInfo(await accessToken('openid profile'))).json();
  assert.equal(Object.keys(profile).sort(), ['name', 'sub', 'username']);
  const phone = await (await userInfo(await accessToken('openid phone'))).json();
  assert.equal(Object.keys(phone).sort(), ['phone_number', 'sub', 'username']);
});

test('/oauth2/userInfo: a token without openid (an API sign-in\'s) is 401 invalid_token', async () => {
  await oauth.emulator.client.send(new UpdateUserPoolClientCommand({
    UserPoolId: oauth.app.poolId, ClientId: oauth.app.clientId, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code', 'implicit'],
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'], CallbackURLs: [CALLBACK],
  }));
  const { AuthenticationResult } = await oauth.emulator.client.send(new InitiateAuthCommand({
    ClientId: oauth.app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD },
  }));
  const response = await userInfo(AuthenticationResult!.AccessToken!);
  assert.is(response.status, 401);
  assert.match(response.headers.get('www-authenticate')!, /error="invalid_token"/);
  assert.is((await response.json()).error, 'invalid_token');
});

test('/oauth2/userInfo: at a pool\'s domain, another pool\'s token is 401 invalid_token; the pool\'s own is answered', async () => {
  const token = await accessToken('openid');
  const { UserPool } = await oauth.emulator.client.send(new CreateUserPoolCommand({ PoolName: 'other' }));
  await oauth.emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool!.Id!, Domain: 'other-pool' }));
  await oauth.emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: oauth.app.poolId, Domain: 'web-pool' }));
  const at = (domain: string) => oauth.emulator.app.inject({
    url: '/oauth2/userInfo', headers: { host: `${domain}.auth.us-east-1.amazoncognito.com`, authorization: `Bearer ${token}` },
  });
  const foreign = await at('other-pool');
  assert.is(foreign.statusCode, 401);
  assert.match(String(foreign.headers['www-authenticate']), /error="invalid_token"/);
  const own = await at('web-pool');
  assert.is(own.statusCode, 200, own.body);
  assert.is(own.json().username, 'alice');
});

test('/oauth2/userInfo: no bearer token is 400 invalid_request; a forged or signed-out one 401 invalid_token', async () => {
  const none = await userInfo();
  assert.is(none.status, 400);
  assert.is(none.headers.get('www-authenticate'), 'Bearer error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"');
  assert.is((await userInfo('not.a.token')).status, 401);
  const token = await accessToken('openid');
  await oauth.emulator.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: oauth.app.poolId, Username: 'alice' }));
  const signedOut = await userInfo(token);
  assert.is(signedOut.status, 401);
  assert.match(signedOut.headers.get('www-authenticate')!, /globally signed out/);
});

test.run();
