import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { json, startRestHarness, type RestHarness } from './harness.js';

// CUSTOM authorizers: the serverless `tokenCheck` TOKEN authorizer (TTL 60 s) guarding GET and DELETE
// /guarded/{item}, and the hand-written REQUEST authorizer (TTL 0) on the plain API's root.

const test = suite<{ h: RestHarness; api: string; plain: string }>('REST Lambda authorizer');

/** Allows GET on any path of the stage for `allow-*` tokens; the other tokens act out the other outcomes. */
function tokenCheck(event: { authorizationToken: string; methodArn: string }) {
  const [arn] = event.methodArn.split('/');
  const statement = (Effect: string) => ({ Effect, Action: 'execute-api:Invoke', Resource: `${arn}/local/GET/*` });
  switch (event.authorizationToken) {
    case 'unauthorized': throw new Error('Unauthorized');
    case 'broken': throw new Error('boom');
    case 'nested': return { principalId: 'u', policyDocument: { Statement: [statement('Allow')] }, context: { user: { id: 1 } } };
    case 'deny': return { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [statement('Deny')] } };
    default:
      return {
        principalId: `user-${event.authorizationToken}`,
        policyDocument: { Version: '2012-10-17', Statement: [statement('Allow')] },
        context: { tier: 'gold', count: 3, admin: true },
      };
  }
}

test.before(async (context) => {
  const echo = (event: unknown) => ({ statusCode: 200, body: JSON.stringify(event) });
  context.h = await startRestHarness({
    'restapp-local-tokenCheck': tokenCheck,
    'restapp-local-guarded': echo,
    'plain-echo': echo,
    'plain-request-check': (event: { queryStringParameters: { key: string } }) => ({
      principalId: 'tenant',
      policyDocument: { Statement: [{ Effect: event.queryStringParameters.key === 'good' ? 'Allow' : 'Deny', Action: '*', Resource: '*' }] },
    }),
  });
  context.api = context.h.physicalId('restapp-local', 'ApiGatewayRestApi');
  context.plain = context.h.physicalId('rest-plain', 'Api');
});
test.after(async ({ h }) => h.emulator.close());
test.after.each(({ h }) => {
  h.clock.offsetMs = 0;
});

const guarded = (c: { h: RestHarness; api: string }, token: string | undefined, method = 'GET') =>
  c.h.call(c.api, 'local', method, '/guarded/1', { headers: token === undefined ? {} : { authorization: token } });
const checks = (h: RestHarness) => h.invocations['restapp-local-tokenCheck']?.length ?? 0;

test('REST Lambda authorizer: an Allow passes principalId and the context, as strings, to the function', async (c) => {
  const response = await guarded(c, 'allow-1');
  assert.is(response.status, 200);
  const { authorizer } = json(response).requestContext;
  assert.is(authorizer.principalId, 'user-allow-1');
  assert.is(authorizer.tier, 'gold');
  assert.is(authorizer.count, '3');
  assert.is(authorizer.admin, 'true');
  assert.type(authorizer.integrationLatency, 'number');
  const event = c.h.invocations['restapp-local-tokenCheck']!.at(-1) as Record<string, unknown>;
  assert.equal(event, { type: 'TOKEN', authorizationToken: 'allow-1', methodArn: `arn:aws:execute-api:us-east-1:000000000000:${c.api}/local/GET/guarded/1` });
});

test('REST Lambda authorizer: an explicit Deny is 403, a policy for other methods is 403 too', async (c) => {
  const denied = await guarded(c, 'deny');
  assert.is(denied.status, 403);
  assert.is(denied.body, '{"Message":"User is not authorized to access this resource with an explicit deny"}');
  const otherMethod = await guarded(c, 'allow-2', 'DELETE');
  assert.is(otherMethod.status, 403);
  assert.is(otherMethod.body, '{"Message":"User is not authorized to access this resource"}');
});

test('REST Lambda authorizer: "Unauthorized" and a missing token are 401; other failures 500', async (c) => {
  for (const token of ['unauthorized', undefined]) {
    const response = await guarded(c, token);
    assert.is(response.status, 401);
    assert.is(response.body, '{"message":"Unauthorized"}');
  }
  for (const token of ['broken', 'nested']) {
    const response = await guarded(c, token);
    assert.is(response.status, 500, token);
    assert.is(response.body, '{"message": null}');
    assert.is(response.headers['x-amzn-errortype'], 'AuthorizerConfigurationException');
  }
});

test('REST Lambda authorizer: the policy is cached per token for the TTL and evaluated per method', async (c) => {
  await guarded(c, 'allow-cache');
  const after = checks(c.h);
  assert.is((await guarded(c, 'allow-cache')).status, 200);
  assert.is((await guarded(c, 'allow-cache', 'DELETE')).status, 403, 'the cached GET-only policy');
  assert.is(checks(c.h), after, 'answered from the cache');
  c.h.clock.offsetMs = 61_000;
  assert.is((await guarded(c, 'allow-cache')).status, 200);
  assert.is(checks(c.h), after + 1, 'invoked again once the TTL passed');
});

test('REST Lambda authorizer: a REQUEST authorizer needs every identity source and gets the request', async (c) => {
  const get = (headers: Record<string, string>, query: string) => c.h.call(c.plain, 'v1', 'GET', '/', { headers, query });
  assert.is((await get({}, 'key=good')).status, 401);
  assert.is((await get({ 'x-tenant': 't1' }, '')).status, 401);
  assert.is(c.h.invocations['plain-request-check'], undefined, 'not invoked without its identity sources');
  const allowed = await get({ 'x-tenant': 't1' }, 'key=good');
  assert.is(allowed.status, 200);
  assert.is(json(allowed).requestContext.authorizer.principalId, 'tenant');
  const event = c.h.invocations['plain-request-check']![0] as Record<string, any>;
  assert.is(event.type, 'REQUEST');
  assert.is(event.methodArn, `arn:aws:execute-api:us-east-1:000000000000:${c.plain}/v1/GET/`);
  assert.is(event.headers['x-tenant'], 't1');
  assert.equal(event.stageVariables, { flavour: 'plain' });
  assert.is(event.requestContext.stage, 'v1');
  assert.is((await get({ 'x-tenant': 't1' }, 'key=bad')).status, 403);
});

test.run();
