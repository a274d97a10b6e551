import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { ACCOUNT, gatewayDeps, httpStack, request } from './harness.js';

// The events functions receive, field by field against the AWS docs' samples (http-api-develop-integrations-lambda).

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(() => emulator.close());

function capture(payload: '1.0' | '2.0', stages = ['$default']) {
  const events: any[] = [];
  const stack = httpStack({ apiId: 'api1', stages, routes: [{ key: 'POST /items/{id}', fn: 'spy', payload }, { key: 'GET /plain', fn: 'spy', payload }] });
  const http = createHttpGateway([stack], gatewayDeps(emulator, { spy: (event) => { events.push(event); return { statusCode: 200 }; } }));
  return { http, events };
}

const RECEIVED = Date.UTC(2020, 2, 12, 19, 3, 58, 390);

const post = (stage = '$default') => request('api1', 'POST', '/items/42', {
  stage,
  rawQuery: 'a=1&a=2&b=x%20y',
  headers: {
    'content-type': 'application/json', 'x-multi': ['one', 'two'], cookie: ['c1=v1; c2=v2', 'c3=v3'],
  },
  body: Buffer.from('{"name":"box"}'),
  sourceIp: '203.0.113.9',
  receivedAt: RECEIVED,
});

test('payload 2.0: the event AWS documents, repeats comma-joined, cookies apart, empty fields left out', async () => {
  const { http, events } = capture('2.0');
  await http.handle(post());
  const event = events[0];
  const { requestContext, ...top } = event;
  assert.equal(top, {
    version: '2.0',
    routeKey: 'POST /items/{id}',
    rawPath: '/items/42',
    rawQueryString: 'a=1&a=2&b=x%20y',
    cookies: ['c1=v1', 'c2=v2', 'c3=v3'],
    headers: {
      host: 'api1.execute-api.localhost:4566', 'user-agent': 'test-agent', 'content-type': 'application/json',
      'x-multi': 'one,two', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'http',
    },
    queryStringParameters: { a: '1,2', b: 'x y' },
    pathParameters: { id: '42' },
    body: '{"name":"box"}',
    isBase64Encoded: false,
  });
  const { requestId, ...context } = requestContext;
  assert.match(requestId, /^[A-Za-z0-9+/]{15}=$/);
  assert.equal(context, {
    accountId: ACCOUNT,
    apiId: 'api1',
    domainName: 'api1.execute-api.localhost:4566',
    domainPrefix: 'api1',
    http: { method: 'POST', path: '/items/42', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test-agent' },
    routeKey: 'POST /items/{id}',
    stage: '$default',
    time: '12/Mar/2020:19:03:58 +0000',
    timeEpoch: RECEIVED,
  });
});

test('payload 2.0: no query, cookies, parameters or body means no such fields; a named stage prefixes the path', async () => {
  const { http, events } = capture('2.0', ['dev']);
  await http.handle(request('api1', 'GET', '/plain', { stage: 'dev' }));
  const event = events[0];
  for (const field of ['cookies', 'queryStringParameters', 'pathParameters', 'body', 'stageVariables']) assert.not.ok(field in event, field);
  assert.is(event.isBase64Encoded, false);
  assert.is(event.rawPath, '/dev/plain');
  assert.is(event.requestContext.http.path, '/dev/plain');
  assert.is(event.requestContext.stage, 'dev');
  assert.not.ok('authorizer' in event.requestContext);
});

test('payload 2.0: a body that is not text arrives base64-encoded', async () => {
  const { http, events } = capture('2.0');
  const bytes = Buffer.from([0, 1, 2, 250, 255]);
  await http.handle(request('api1', 'POST', '/items/1', { headers: { 'content-type': 'application/octet-stream' }, body: bytes }));
  await http.handle(request('api1', 'POST', '/items/1', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('a=1') }));
  assert.is(events[0].isBase64Encoded, true);
  assert.is(events[0].body, bytes.toString('base64'));
  assert.is(events[1].isBase64Encoded, true);
  assert.is(Buffer.from(events[1].body, 'base64').toString(), 'a=1');
});

test('payload 1.0: REST\'s proxy event with version 1.0, single and multi-value maps, nulls for what is empty', async () => {
  const { http, events } = capture('1.0');
  await http.handle(post());
  await http.handle(request('api1', 'GET', '/plain'));
  const [event, empty] = events;
  const { requestContext, ...top } = event;
  assert.equal(top, {
    version: '1.0',
    resource: '/items/{id}',
    path: '/items/42',
    httpMethod: 'POST',
    headers: {
      host: 'api1.execute-api.localhost:4566', 'user-agent': 'test-agent', 'content-type': 'application/json',
      'x-multi': 'two', cookie: 'c3=v3', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'http',
    },
    multiValueHeaders: {
      host: ['api1.execute-api.localhost:4566'], 'user-agent': ['test-agent'], 'content-type': ['application/json'],
      'x-multi': ['one', 'two'], cookie: ['c1=v1; c2=v2', 'c3=v3'], 'x-forwarded-for': ['203.0.113.9'], 'x-forwarded-proto': ['http'],
    },
    queryStringParameters: { a: '2', b: 'x y' },
    multiValueQueryStringParameters: { a: ['1', '2'], b: ['x y'] },
    pathParameters: { id: '42' },
    stageVariables: null,
    body: '{"name":"box"}',
    isBase64Encoded: false,
  });
  const { requestId, extendedRequestId, ...context } = requestContext;
  assert.is(extendedRequestId, requestId);
  assert.equal(context, {
    accountId: ACCOUNT,
    apiId: 'api1',
    authorizer: { claims: null, scopes: null },
    domainName: 'api1.execute-api.localhost:4566',
    domainPrefix: 'api1',
    httpMethod: 'POST',
    identity: {
      accessKey: null, accountId: null, caller: null, cognitoAuthenticationProvider: null, cognitoAuthenticationType: null,
      cognitoIdentityId: null, cognitoIdentityPoolId: null, principalOrgId: null,
      sourceIp: '203.0.113.9', user: null, userAgent: 'test-agent', userArn: null,
    },
    path: '/items/42',
    protocol: 'HTTP/1.1',
    requestTime: '12/Mar/2020:19:03:58 +0000',
    requestTimeEpoch: RECEIVED,
    resourceId: null,
    resourcePath: '/items/{id}',
    stage: '$default',
  });
  assert.is(empty.queryStringParameters, null);
  assert.is(empty.multiValueQueryStringParameters, null);
  assert.is(empty.pathParameters, null);
  assert.is(empty.body, null);
});

test.run();
