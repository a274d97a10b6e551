import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { gatewayDeps, httpStack, json, request } from './harness.js';

// From a function's result to the response, by payload format (AWS docs, "Lambda function response format").

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(() => emulator.close());

/** A gateway whose only route answers with `result`, in the given payload format. */
async function answer(result: unknown, payload: '1.0' | '2.0' = '2.0') {
  const deps = gatewayDeps(emulator, {
    fn: () => {
      if (result instanceof Error) throw result;
      return result;
    },
  });
  const http = createHttpGateway([httpStack({ apiId: 'api1', routes: [{ key: 'GET /r', fn: 'fn', payload }] })], deps);
  return { response: await http.handle(request('api1', 'GET', '/r')), errors: deps.errors };
}

test('payload 2.0 response: a result without statusCode is a 200 JSON body, a string as it is', async () => {
  const object = (await answer({ message: 'Hello from Lambda!' })).response;
  assert.is(object.status, 200);
  assert.is(object.headers['content-type'], 'application/json');
  assert.equal(json(object), { message: 'Hello from Lambda!' });
  const text = (await answer('Hello from Lambda!')).response;
  assert.is(text.status, 200);
  assert.is(text.body, 'Hello from Lambda!');
  assert.is((await answer([1, 2])).response.body, '[1,2]');
});

test('payload 2.0 response: statusCode, headers, cookies as set-cookie headers, base64 bodies decoded', async () => {
  const { response } = await answer({
    statusCode: 201, headers: { 'X-Custom': 'yes', 'Content-Type': 'text/plain' }, cookies: ['a=1; Path=/', 'b=2'],
    body: Buffer.from('created').toString('base64'), isBase64Encoded: true,
  });
  assert.is(response.status, 201);
  assert.equal(response.headers, { 'x-custom': 'yes', 'content-type': 'text/plain', 'set-cookie': ['a=1; Path=/', 'b=2'] });
  assert.is(response.body.toString(), 'created');
  const empty = (await answer({ statusCode: 204 })).response;
  assert.is(empty.status, 204);
  assert.is(empty.body, '');
});

test('payload 1.0 response: statusCode required; headers and multiValueHeaders both reach the client', async () => {
  const { response } = await answer({ statusCode: 200, headers: { 'X-One': '1' }, multiValueHeaders: { 'X-Many': ['a', 'b'] }, body: 'ok' }, '1.0');
  assert.is(response.status, 200);
  assert.equal(response.headers, { 'x-one': '1', 'x-many': ['a', 'b'] });
  assert.is(response.body, 'ok');
  const bare = (await answer({ message: 'no status' }, '1.0')).response;
  assert.is(bare.status, 500);
  assert.equal(json(bare), { message: 'Internal Server Error' });
});

test('HTTP API response: a failing function, or an invalid statusCode, is 500 {"message":"Internal Server Error"}', async () => {
  const failed = await answer(new Error('boom'));
  assert.is(failed.response.status, 500);
  assert.equal(json(failed.response), { message: 'Internal Server Error' });
  assert.match(failed.errors.join('\n'), /Function fn failed on GET \/r/);
  const invalid = (await answer({ statusCode: 'teapot' })).response;
  assert.is(invalid.status, 500);
});

test('HTTP API response: a route whose function is not local is 500, and says so in the log', async () => {
  const deps = gatewayDeps(emulator, {});
  const http = createHttpGateway([httpStack({ apiId: 'api1', invocationUri: true, routes: [{ key: 'GET /r', fn: 'gone' }] })], deps);
  const response = await http.handle(request('api1', 'GET', '/r'));
  assert.is(response.status, 500);
  assert.match(deps.errors[0]!, /arn:aws:lambda:us-east-1:000000000000:function:gone/);
});

test.run();
