import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CreateResourceServerCommand, CreateUserPoolClientCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { gatewayDeps, httpStack, request } from '../../gateway/http/harness.js';
import { basic, claimsOf, postForm } from './harness.js';

// POST /oauth2/token with grant_type=client_credentials (machine to machine; cognito-api.md §4.3, §4.7), and the
// token it gives accepted by an HTTP API JWT authorizer on a route that requires the scope.

let emulator: TestEmulator;
let poolId: string;
let clientId: string;
let secret: string;

test.before(async () => {
  emulator = await startTestEmulator();
  poolId = (await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'm2m' }))).UserPool!.Id!;
  await emulator.client.send(new CreateResourceServerCommand({
    UserPoolId: poolId, Identifier: 'orders', Name: 'Orders', Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }, { ScopeName: 'write', ScopeDescription: 'w' }],
  }));
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'worker', GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['orders/read', 'orders/write'],
  }));
  clientId = UserPoolClient!.ClientId!;
  secret = UserPoolClient!.ClientSecret!;
});
test.after(() => emulator.close());

const grant = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  postForm(emulator, '/oauth2/token', { grant_type: 'client_credentials', ...form }, headers);

test('client_credentials: Basic auth gives an access token only, with the client as subject', async () => {
  const response = await grant({ scope: 'orders/read' }, { authorization: basic(clientId, secret) });
  assert.is(response.status, 200);
  const body = await response.json();
  assert.equal(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type']);
  const claims = claimsOf(body.access_token);
  assert.equal({ ...claims, iat: 0, exp: 0, auth_time: 0, jti: '' }, {
    sub: clientId, token_use: 'access', scope: 'orders/read', auth_time: 0, iss: `http://localhost:${emulator.port}/${poolId}`,
    exp: 0, iat: 0, version: 2, jti: '', client_id: clientId,
  });
  assert.is(claims.exp - claims.iat, 3600);
});

test('client_credentials: client_secret_post works, and no scope asked means all of the client\'s', async () => {
  const body = await (await grant({ client_id: clientId, client_secret: secret })).json();
  assert.is(claimsOf(body.access_token).scope, 'orders/read orders/write');
});

test('client_credentials: a scope the client does not allow, or no server defines, is invalid_scope', async () => {
  for (const scope of ['openid', 'orders/delete', 'billing/read']) {
    const response = await grant({ scope }, { authorization: basic(clientId, secret) });
    assert.equal([response.status, await response.json()], [400, { error: 'invalid_scope' }], scope);
  }
});

test('client_credentials: a wrong secret is 401 invalid_client; a client without the flow is unauthorized_client', async () => {
  const wrong = await grant({}, { authorization: basic(clientId, 'wrong') });
  assert.equal([wrong.status, await wrong.json()], [401, { error: 'invalid_client' }]);
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'plain', GenerateSecret: true }));
  const refused = await grant({}, { authorization: basic(UserPoolClient!.ClientId!, UserPoolClient!.ClientSecret!) });
  assert.equal([refused.status, await refused.json()], [400, { error: 'unauthorized_client' }]);
});

test('client_credentials: the HTTP API JWT authorizer accepts the token on a route that requires its scope', async () => {
  const stack = httpStack({
    apiId: 'api1',
    authorizers: {
      cognito: {
        AuthorizerType: 'JWT', Name: 'cognito', IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Issuer: `http://localhost:${emulator.port}/${poolId}`, Audience: [clientId] },
      },
    },
    routes: [
      { key: 'GET /orders', fn: 'orders', auth: 'JWT', authorizer: 'cognito', scopes: ['orders/read'] },
      { key: 'POST /orders', fn: 'orders', auth: 'JWT', authorizer: 'cognito', scopes: ['orders/write'] },
    ],
  });
  const http = createHttpGateway([stack], gatewayDeps(emulator, { orders: () => ({ ok: true }) }));
  const token = (await (await grant({ scope: 'orders/read' }, { authorization: basic(clientId, secret) })).json()).access_token;
  const call = (method: string) => http.handle(request('api1', method, '/orders', { headers: { authorization: `Bearer ${token}` } }));
  assert.is((await call('GET')).status, 200);
  assert.is((await call('POST')).status, 403);
});

test.run();
