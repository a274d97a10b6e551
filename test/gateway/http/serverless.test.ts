import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import type { ApiGateway } from '../../../src/gateway/routes.js';
import { listStacks, type StackRecord } from '../../../src/iac/stacks/stackRecord.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { gatewayDeps, json, request, signIn, type SignedIn } from './harness.js';

// A serverless.yml with `httpApi` events, compiled and reconciled by the emulator, served as AWS would serve it.

const FIXTURE = 'test/gateway/fixtures/http-serverless/serverless.yml';

let emulator: TestEmulator;
let stack: StackRecord;
let user: SignedIn;
let http: ApiGateway;
let apiId: string;
const events: any[] = [];

test.before(async () => {
  emulator = await startTestEmulator();
  await emulator.templates.deploy(FIXTURE, { stage: 'local' });
  [stack] = await listStacks(emulator.store) as [StackRecord];
  const physical = (logicalId: string) => stack.Resources[logicalId]!.PhysicalId;
  user = await signIn(emulator, physical('UserPool'), physical('UserPoolClient'));
  apiId = physical('HttpApi');
  const spy = (event: any) => {
    events.push(event);
    return { statusCode: 200, body: event.routeKey };
  };
  http = createHttpGateway([stack], gatewayDeps(emulator, { 'shop-local-hello': spy, 'shop-local-me': spy }));
});
test.after(() => emulator.close());

test('serverless httpApi: the public route answers on the $default stage', async () => {
  const response = await http.handle(request(apiId, 'GET', '/hello'));
  assert.is(response.status, 200);
  assert.is(response.body, 'GET /hello');
});

test('serverless httpApi: the JWT authorizer (issuerUrl of the template\'s pool, audience its client) checks tokens', async () => {
  assert.is((await http.handle(request(apiId, 'GET', '/me/profile'))).status, 401);
  const ok = await http.handle(request(apiId, 'GET', '/me/profile', { headers: { authorization: `Bearer ${user.idToken}` } }));
  assert.is(ok.status, 200);
  const event = events.at(-1);
  assert.equal(event.pathParameters, { part: 'profile' });
  assert.is(event.requestContext.authorizer.jwt.claims.aud, user.clientId);
  const scoped = await http.handle(request(apiId, 'POST', '/orders', { headers: { authorization: `Bearer ${user.accessToken}` } }));
  assert.is(scoped.status, 403);
  assert.equal(json(scoped), { message: 'Forbidden' });
});

test('HTTP API routes(): one listing per route, with the $default stage URL, authorizer and function', () => {
  const listings = http.routes('http://localhost:4566').sort((a, b) => a.path.localeCompare(b.path));
  assert.equal(listings, [
    {
      apiId, apiType: 'HTTP', stage: '$default', method: 'GET', path: '/hello',
      url: `http://localhost:4566/restapis/${apiId}/$default/_user_request_/hello`, authorizer: null, function: 'shop-local-hello',
    },
    {
      apiId, apiType: 'HTTP', stage: '$default', method: 'GET', path: '/me/{part}',
      url: `http://localhost:4566/restapis/${apiId}/$default/_user_request_/me/{part}`,
      authorizer: { type: 'JWT', name: 'cognito', scopes: [] }, function: 'shop-local-me',
    },
    {
      apiId, apiType: 'HTTP', stage: '$default', method: 'POST', path: '/orders',
      url: `http://localhost:4566/restapis/${apiId}/$default/_user_request_/orders`,
      authorizer: { type: 'JWT', name: 'cognito', scopes: ['orders/write'] }, function: 'shop-local-me',
    },
  ]);
  assert.ok(http.has(apiId));
  assert.not.ok(http.has('nope'));
});

test.run();
