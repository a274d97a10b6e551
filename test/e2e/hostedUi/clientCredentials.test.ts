import { DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listStacks } from '../../../src/iac/stacks/stackRecord.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { tokenRequest } from './app.js';

// Machine to machine: a serverless.yml with a resource server, confidential clients allowed client_credentials and
// an HTTP API route whose JWT authorizer requires a scope. A token from POST /oauth2/token (client_secret_basic)
// opens the route; no token is 401, a token without the scope 403 (AWS docs: http-api-jwt-authorizer).

const FIXTURE = fileURLToPath(new URL('./fixtures/machine', import.meta.url));

interface Machine {
  clientId: string;
  clientSecret: string;
}

let emulator: TestEmulator;
let reader: Machine;
let writer: Machine;
let ordersUrl: string;

test.before(async () => {
  emulator = await startTestEmulator({ templates: { paths: [FIXTURE], watch: false, stage: 'local', parameters: {} } });
  const [stack] = await listStacks(emulator.store);
  if (!stack) throw new Error('the fixture did not deploy');
  const machine = async (logicalId: string): Promise<Machine> => {
    const ClientId = stack.Resources[logicalId]!.PhysicalId;
    const UserPoolId = stack.Resources.Machines!.PhysicalId;
    const { UserPoolClient } = await emulator.client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }));
    return { clientId: ClientId, clientSecret: UserPoolClient!.ClientSecret! };
  };
  reader = await machine('Reader');
  writer = await machine('Writer');
  const { routes } = (await (await fetch(`${emulator.url}/_cogniform/routes`)).json()) as { routes: { path: string; url: string }[] };
  ordersUrl = routes.find((route) => route.path === '/orders')!.url;
});
test.after(() => emulator?.close());

const grant = (machine: Machine, scope?: string) =>
  tokenRequest(emulator, { grant_type: 'client_credentials', ...(scope ? { scope } : {}) }, machine);

const getOrders = (authorization?: string) => fetch(ordersUrl, { headers: authorization ? { authorization } : {} });

test('client_credentials: a token with the route\'s scope opens the JWT-authorized route', async () => {
  const { status, body } = await grant(reader, 'orders/read');
  assert.is(status, 200, JSON.stringify(body));
  assert.is(body.token_type, 'Bearer');
  assert.is(body.expires_in, 3600);
  assert.is(body.id_token, undefined, 'no ID token without a user');
  assert.is(body.refresh_token, undefined, 'no refresh token for client_credentials');
  const claims = decodeJwt(body.access_token);
  assert.is(claims.token_use, 'access');
  assert.is(claims.client_id, reader.clientId);
  assert.is(claims.sub, reader.clientId);
  assert.is(claims.scope, 'orders/read');

  const response = await getOrders(`Bearer ${body.access_token}`);
  assert.is(response.status, 200);
  assert.equal(await response.json(), { clientId: reader.clientId, scopes: ['orders/read'] });
});

test('client_credentials: no scope asked gives all of the client\'s scopes', async () => {
  const { status, body } = await grant(reader);
  assert.is(status, 200, JSON.stringify(body));
  assert.is(decodeJwt(body.access_token).scope, 'orders/read');
});

test('client_credentials: no token is 401, a token without the route\'s scope 403', async () => {
  const none = await getOrders();
  assert.is(none.status, 401);
  assert.equal(await none.json(), { message: 'Unauthorized' });

  const { status, body } = await grant(writer, 'orders/write');
  assert.is(status, 200, JSON.stringify(body));
  const denied = await getOrders(`Bearer ${body.access_token}`);
  assert.is(denied.status, 403);
  assert.equal(await denied.json(), { message: 'Forbidden' });
});

test('client_credentials: a wrong secret is 401 invalid_client, a scope the client lacks 400 invalid_scope', async () => {
  const wrong = await grant({ clientId: reader.clientId, clientSecret: 'not-the-secret' }, 'orders/read');
  assert.is(wrong.status, 401);
  assert.is(wrong.body.error, 'invalid_client');

  const scope = await grant(reader, 'orders/write');
  assert.is(scope.status, 400);
  assert.is(scope.body.error, 'invalid_scope');
});

test.run();
