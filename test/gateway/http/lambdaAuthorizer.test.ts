import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { fnArn, gatewayDeps, httpStack, json, request } from './harness.js';

// Lambda REQUEST authorizers (AWS docs, http-api-lambda-authorizer): simple responses and IAM policies.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(() => emulator.close());

function gateway(authorize: (event: any) => unknown, simple: boolean) {
  const authorizerEvents: any[] = [];
  const events: any[] = [];
  const stack = httpStack({
    apiId: 'api1',
    authorizers: {
      lambda: {
        AuthorizerType: 'REQUEST', Name: 'gate', IdentitySource: ['$request.header.X-Key'], EnableSimpleResponses: simple,
        AuthorizerPayloadFormatVersion: '2.0', AuthorizerUri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn('gate')}/invocations`,
      },
    },
    routes: [{ key: 'GET /items/{id}', fn: 'fn', auth: 'CUSTOM', authorizer: 'lambda' }],
  });
  const http = createHttpGateway([stack], gatewayDeps(emulator, {
    gate: (event) => { authorizerEvents.push(event); return authorize(event); },
    fn: (event) => { events.push(event); return 'ok'; },
  }));
  const call = (key?: string) => http.handle(request('api1', 'GET', '/items/7', key ? { headers: { 'x-key': key } } : {}));
  return { call, authorizerEvents, events };
}

test('Lambda authorizer: simple responses allow with their context, or deny with 403', async () => {
  const { call, authorizerEvents, events } = gateway((event) => ({ isAuthorized: event.identitySource[0] === 'good', context: { tenant: 't1' } }), true);
  assert.is((await call('good')).status, 200);
  assert.equal(events[0].requestContext.authorizer, { lambda: { tenant: 't1' } });
  const event = authorizerEvents[0];
  assert.is(event.version, '2.0');
  assert.is(event.type, 'REQUEST');
  assert.is(event.routeArn, 'arn:aws:execute-api:us-east-1:000000000000:api1/$default/GET/items/7');
  assert.equal(event.identitySource, ['good']);
  assert.equal(event.pathParameters, { id: '7' });
  const denied = await call('bad');
  assert.is(denied.status, 403);
  assert.equal(json(denied), { message: 'Forbidden' });
});

test('Lambda authorizer: a missing identity source is 401 without calling the authorizer', async () => {
  const { call, authorizerEvents } = gateway(() => ({ isAuthorized: true }), true);
  const response = await call();
  assert.is(response.status, 401);
  assert.equal(json(response), { message: 'Unauthorized' });
  assert.is(authorizerEvents.length, 0);
});

test('Lambda authorizer: an IAM policy is evaluated against the route ARN, Deny winning over Allow', async () => {
  const policy = (statements: object[]) => () => ({ principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: statements } });
  const allow = { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:000000000000:api1/*' };
  const deny = { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: ['arn:aws:execute-api:*:*:api1/$default/GET/items/*'] };
  assert.is((await gateway(policy([allow]), false).call('k')).status, 200);
  assert.is((await gateway(policy([allow, deny]), false).call('k')).status, 403);
  assert.is((await gateway(policy([{ ...allow, Resource: 'arn:aws:execute-api:us-east-1:000000000000:other/*' }]), false).call('k')).status, 403);
  assert.is((await gateway(() => ({ nonsense: true }), false).call('k')).status, 500);
});

test.run();
