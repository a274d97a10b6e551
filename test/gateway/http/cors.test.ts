import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { gatewayDeps, httpStack, request } from './harness.js';

// CorsConfiguration (AWS docs, http-api-cors): preflights answered by the gateway, CORS headers on responses.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(() => emulator.close());

const CORS = {
  AllowOrigins: ['https://app.example.com', 'http://localhost*'],
  AllowMethods: ['GET', 'POST', 'OPTIONS'],
  AllowHeaders: ['Content-Type', 'Authorization'],
  ExposeHeaders: ['x-total'],
  MaxAge: 300,
  AllowCredentials: true,
};

function gateway(cors: Record<string, unknown> = CORS) {
  const stack = httpStack({
    apiId: 'api1', cors,
    authorizers: { jwt: { AuthorizerType: 'JWT', Name: 'jwt', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: 'https://issuer.example.com', Audience: ['x'] } } },
    routes: [{ key: 'GET /items', fn: 'fn', auth: 'JWT', authorizer: 'jwt' }, { key: 'GET /open', fn: 'fn' }],
  });
  return createHttpGateway([stack], gatewayDeps(emulator, {
    fn: () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': 'https://evil.example.com', 'x-total': '3' }, body: '[]' }),
  }));
}

const preflight = (origin: string) => request('api1', 'OPTIONS', '/items', {
  headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
});

test('HTTP API CORS: a preflight is answered by the gateway with the configuration, before any authorizer', async () => {
  const response = await gateway().handle(preflight('https://app.example.com'));
  assert.is(response.status, 204);
  assert.equal(response.headers, {
    'access-control-allow-origin': 'https://app.example.com',
    'access-control-allow-methods': 'GET,POST,OPTIONS',
    'access-control-allow-headers': 'Content-Type,Authorization',
    'access-control-max-age': '300',
    'access-control-allow-credentials': 'true',
  });
  const wildcard = await gateway().handle(preflight('http://localhost:3000'));
  assert.is(wildcard.headers['access-control-allow-origin'], 'http://localhost:3000');
});

test('HTTP API CORS: an origin not allowed gets no CORS headers', async () => {
  const response = await gateway().handle(preflight('https://evil.example.com'));
  assert.is(response.status, 204);
  assert.equal(response.headers, {});
  const actual = await gateway().handle(request('api1', 'GET', '/open', { headers: { origin: 'https://evil.example.com' } }));
  assert.not.ok('access-control-allow-origin' in actual.headers, 'the integration\'s own CORS header is dropped');
});

test('HTTP API CORS: responses carry the configured headers instead of the integration\'s', async () => {
  const response = await gateway().handle(request('api1', 'GET', '/open', { headers: { origin: 'https://app.example.com' } }));
  assert.is(response.status, 200);
  assert.is(response.headers['access-control-allow-origin'], 'https://app.example.com');
  assert.is(response.headers['access-control-allow-credentials'], 'true');
  assert.is(response.headers['access-control-expose-headers'], 'x-total');
  assert.is(response.headers['x-total'], '3');
  const star = await gateway({ AllowOrigins: ['*'] }).handle(request('api1', 'GET', '/open', { headers: { origin: 'https://any.example.com' } }));
  assert.is(star.headers['access-control-allow-origin'], '*');
});

test('HTTP API CORS: without a CorsConfiguration an OPTIONS request is routed like any other (404 here)', async () => {
  const stack = httpStack({ apiId: 'api1', routes: [{ key: 'GET /items', fn: 'fn' }] });
  const http = createHttpGateway([stack], gatewayDeps(emulator, { fn: () => 'x' }));
  assert.is((await http.handle(preflight('https://app.example.com'))).status, 404);
});

test.run();
