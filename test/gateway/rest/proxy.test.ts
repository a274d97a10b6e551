import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { json, startRestHarness, type RestHarness } from './harness.js';

// Routing, the Lambda proxy event and response, CORS and the routes listing, on the serverless-compiled API and
// the hand-written CloudFormation one.

const test = suite<{ h: RestHarness; api: string; plain: string }>('REST gateway');

const echo = (event: unknown) => ({ statusCode: 200, body: JSON.stringify(event) });

test.before(async (context) => {
  context.h = await startRestHarness({
    'restapp-local-echo': echo,
    'plain-echo': echo,
    'plain-request-check': () => ({ principalId: 'p', policyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }),
    'restapp-local-respond': (event: { body: string }) => JSON.parse(event.body).result,
  });
  context.api = context.h.physicalId('restapp-local', 'ApiGatewayRestApi');
  context.plain = context.h.physicalId('rest-plain', 'Api');
});
test.after(async ({ h }) => h.emulator.close());

test('REST gateway: a path parameter reaches the proxy event with the resource path and request context', async ({ h, api }) => {
  const response = await h.call(api, 'local', 'GET', '/users/42');
  assert.is(response.status, 200);
  const event = json(response);
  assert.is(event.resource, '/users/{id}');
  assert.is(event.path, '/users/42');
  assert.is(event.httpMethod, 'GET');
  assert.equal(event.pathParameters, { id: '42' });
  assert.is(event.queryStringParameters, null);
  assert.is(event.multiValueQueryStringParameters, null);
  assert.is(event.stageVariables, null);
  assert.is(event.body, null);
  assert.is(event.isBase64Encoded, false);
  assert.is(event.headers['user-agent'], 'rest-tests');
  assert.equal(event.multiValueHeaders.host, ['localhost:4566']);
  const rc = event.requestContext;
  assert.is(rc.resourcePath, '/users/{id}');
  assert.is(rc.path, '/local/users/42');
  assert.is(rc.stage, 'local');
  assert.is(rc.apiId, api);
  assert.is(rc.accountId, '000000000000');
  assert.is(rc.identity.sourceIp, '127.0.0.1');
  assert.is(rc.identity.userAgent, 'rest-tests');
  assert.is(rc.identity.cognitoIdentityId, null);
  assert.match(rc.requestTime, /^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
  assert.type(rc.requestTimeEpoch, 'number');
  assert.match(rc.requestId, /^[0-9a-f-]{36}$/);
  assert.is(rc.authorizer, undefined);
  assert.is(response.headers['x-amzn-requestid'], rc.requestId);
});

test('REST gateway: a greedy {proxy+} takes the rest of the path, for any method', async ({ h, api }) => {
  const event = json(await h.call(api, 'local', 'DELETE', '/files/a/b/c.txt'));
  assert.is(event.resource, '/files/{proxy+}');
  assert.equal(event.pathParameters, { proxy: 'a/b/c.txt' });
  assert.is(event.httpMethod, 'DELETE');
});

test('REST gateway: a literal path beats a parameter, and a parameter a greedy proxy', async ({ h, api }) => {
  const event = json(await h.call(api, 'local', 'POST', '/users/7/avatar'));
  assert.is(event.resource, '/users/{id}/avatar');
  assert.equal(event.pathParameters, { id: '7' });
});

test('REST gateway: query strings give the last value and every value', async ({ h, api }) => {
  const event = json(await h.call(api, 'local', 'GET', '/hello', { query: 'a=1&b=x%20y&a=2&flag' }));
  assert.equal(event.queryStringParameters, { a: '2', b: 'x y', flag: '' });
  assert.equal(event.multiValueQueryStringParameters, { a: ['1', '2'], b: ['x y'], flag: [''] });
});

test('REST gateway: a binary media type arrives base64-encoded, text as it is', async ({ h, plain }) => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
  const binary = json(await h.call(plain, 'v1', 'POST', '/upload', { headers: { 'content-type': 'image/png' }, body: bytes }));
  assert.is(binary.isBase64Encoded, true);
  assert.is(binary.body, bytes.toString('base64'));
  assert.equal(binary.stageVariables, { flavour: 'plain' });
  const text = json(await h.call(plain, 'v1', 'POST', '/upload', { headers: { 'content-type': 'application/json' }, body: '{"a":1}' }));
  assert.is(text.isBase64Encoded, false);
  assert.is(text.body, '{"a":1}');
});

test('REST gateway: the proxy response maps status, headers, multi-value headers and a base64 body', async ({ h, api }) => {
  const result = {
    statusCode: 201,
    headers: { 'X-One': 'a', 'X-Both': 'single' },
    multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'], 'X-Both': ['multi'] },
    body: 'created',
  };
  const response = await h.call(api, 'local', 'POST', '/respond', { body: JSON.stringify({ result }) });
  assert.is(response.status, 201);
  assert.is(response.body, 'created');
  assert.is(response.headers['x-one'], 'a');
  assert.equal(response.headers['set-cookie'], ['a=1', 'b=2']);
  assert.equal(response.headers['x-both'], ['multi']);
  assert.is(response.headers['content-type'], 'application/json');
  const encoded = { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('hi').toString('base64'), isBase64Encoded: true };
  const text = await h.call(api, 'local', 'POST', '/respond', { body: JSON.stringify({ result: encoded }) });
  assert.is(text.body, 'aGk=', 'not a binary media type: passed on as base64 text');
});

test('REST gateway: a malformed proxy response or a failing function is a 502', async ({ h, api }) => {
  for (const result of [{ statusCode: 200, body: { not: 'a string' } }, { body: 'no status' }, { statusCode: 200, extra: 1 }, 'text']) {
    const response = await h.call(api, 'local', 'POST', '/respond', { body: JSON.stringify({ result }) });
    assert.is(response.status, 502, JSON.stringify(result));
    assert.is(response.body, '{"message": "Internal server error"}');
  }
  const thrown = await h.call(api, 'local', 'POST', '/respond', { body: 'not json' });
  assert.is(thrown.status, 502);
});

test('REST gateway: unknown paths, methods, stages and APIs are 403 Missing Authentication Token', async ({ h, api }) => {
  for (const [apiId, stage, method, path] of [
    [api, 'local', 'GET', '/nowhere'], [api, 'local', 'POST', '/hello'], [api, 'prod', 'GET', '/hello'], ['nosuchapi1', 'local', 'GET', '/hello'],
    [api, 'local', 'GET', '/files'],
  ] as const) {
    const response = await h.call(apiId, stage, method, path);
    assert.is(response.status, 403, `${method} ${path}`);
    assert.is(response.body, '{"message":"Missing Authentication Token"}');
    assert.is(response.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
  }
});

test('REST gateway: the CORS preflight answers with the headers serverless configured, without authorization', async ({ h, api }) => {
  const response = await h.call(api, 'local', 'OPTIONS', '/me', { headers: { origin: 'http://app.test' } });
  assert.is(response.status, 200);
  assert.is(response.body, '');
  assert.is(response.headers['access-control-allow-origin'], '*');
  assert.is(response.headers['access-control-allow-methods'], 'OPTIONS,GET');
  assert.match(String(response.headers['access-control-allow-headers']), /Authorization/);
});

test('REST gateway: routes lists every method with its local URL, authorizer and function', async ({ h, api }) => {
  const routes = h.gateway.routes('http://localhost:4566');
  const me = routes.find((r) => r.apiId === api && r.method === 'GET' && r.path === '/me');
  assert.equal(me, {
    apiId: api, apiType: 'REST', stage: 'local', method: 'GET', path: '/me',
    url: `http://localhost:4566/restapis/${api}/local/_user_request_/me`,
    authorizer: { type: 'COGNITO_USER_POOLS', name: 'users', scopes: [] },
    function: 'restapp-local-claims',
  });
  assert.ok(routes.some((r) => r.path === '/' && r.stage === 'v1' && r.url.endsWith('/v1/_user_request_/')));
  assert.is(h.gateway.has(api), true);
  assert.is(h.gateway.has('nosuchapi1'), false);
});

test.run();
