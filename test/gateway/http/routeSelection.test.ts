import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import { parseRouteKey, selectRoute } from '../../../src/gateway/http/routeSelection.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { gatewayDeps, httpStack, json, request } from './harness.js';

// Route selection through the gateway: each route answers with the route key and path parameters it was given.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(() => emulator.close());

const which = (event: any) => ({ statusCode: 200, body: JSON.stringify({ routeKey: event.routeKey, params: event.pathParameters ?? null }) });

function gateway(keys: string[]) {
  const stack = httpStack({ apiId: 'api1', routes: keys.map((key) => ({ key, fn: 'which' })) });
  return createHttpGateway([stack], gatewayDeps(emulator, { which }));
}

const DOCS_ROUTES = ['GET /pets/dog/1', 'GET /pets/dog/{id}', 'GET /pets/{proxy+}', 'ANY /{proxy+}', '$default'];

test('HTTP API routes: the most specific match wins, as the AWS docs example routes them', async () => {
  const http = gateway(DOCS_ROUTES);
  const routed = async (method: string, path: string) => json(await http.handle(request('api1', method, path))).routeKey;
  assert.is(await routed('GET', '/pets/dog/1'), 'GET /pets/dog/1');
  assert.is(await routed('GET', '/pets/dog/2'), 'GET /pets/dog/{id}');
  assert.is(await routed('GET', '/pets/cat/1'), 'GET /pets/{proxy+}');
  assert.is(await routed('POST', '/pets/dog/1'), 'ANY /{proxy+}');
  assert.is(await routed('GET', '/'), '$default');
});

test('HTTP API routes: a method of its own wins over ANY on the same path, literals over variables', async () => {
  const http = gateway(['ANY /items/{id}', 'GET /items/{id}', 'GET /items/{kind}/{id}', 'GET /items/new/{id}']);
  const routed = async (method: string, path: string) => json(await http.handle(request('api1', method, path)));
  assert.equal(await routed('GET', '/items/7'), { routeKey: 'GET /items/{id}', params: { id: '7' } });
  assert.equal(await routed('DELETE', '/items/7'), { routeKey: 'ANY /items/{id}', params: { id: '7' } });
  assert.equal(await routed('GET', '/items/new/3'), { routeKey: 'GET /items/new/{id}', params: { id: '3' } });
  assert.equal(await routed('GET', '/items/old/3'), { routeKey: 'GET /items/{kind}/{id}', params: { kind: 'old', id: '3' } });
});

test('HTTP API routes: path parameters are URL-decoded; a greedy one takes the rest of the path', async () => {
  const http = gateway(['GET /files/{name}', 'GET /static/{proxy+}']);
  assert.equal(json(await http.handle(request('api1', 'GET', '/files/a%20b%2Fc'))).params, { name: 'a b/c' });
  assert.equal(json(await http.handle(request('api1', 'GET', '/static/css/site.css'))).params, { proxy: 'css/site.css' });
});

test('HTTP API routes: no matching route is 404 {"message":"Not Found"}, and so is an unknown stage without $default', async () => {
  const http = gateway(['GET /items', 'GET /static/{proxy+}']);
  for (const [method, path] of [['POST', '/items'], ['GET', '/other'], ['GET', '/static'], ['GET', '/items/1']] as const) {
    const response = await http.handle(request('api1', method, path));
    assert.is(response.status, 404, `${method} ${path}`);
    assert.equal(json(response), { message: 'Not Found' });
    assert.is(response.headers['content-type'], 'application/json');
  }
  const staged = createHttpGateway([httpStack({ apiId: 'api2', stages: ['dev'], routes: [{ key: 'GET /items', fn: 'which' }] })], gatewayDeps(emulator, { which }));
  assert.is((await staged.handle(request('api2', 'GET', '/items', { stage: 'dev' }))).status, 200);
  assert.is((await staged.handle(request('api2', 'GET', '/items', { stage: 'prod' }))).status, 404);
});

test('selectRoute: ranks a greedy route with a longer literal prefix above a shorter one, and $default last', () => {
  const routes = ['ANY /{proxy+}', 'GET /a/{proxy+}', 'GET /a/b/{proxy+}', '$default'].map((key) => ({ key: parseRouteKey(key), name: key }));
  assert.is(selectRoute(routes, 'GET', '/a/b/c')?.route.name, 'GET /a/b/{proxy+}');
  assert.is(selectRoute(routes, 'GET', '/a/x')?.route.name, 'GET /a/{proxy+}');
  assert.is(selectRoute(routes, 'PUT', '/a/x')?.route.name, 'ANY /{proxy+}');
  assert.is(selectRoute(routes, 'GET', '/')?.route.name, '$default');
});

test.run();
