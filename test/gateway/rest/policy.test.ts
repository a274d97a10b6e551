import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluatePolicy, statementsOf } from '../../../src/gateway/rest/policy.js';

const ARN = 'arn:aws:execute-api:us-east-1:000000000000:abc123/local/GET/guarded/1';

test('evaluatePolicy: an Allow on a wildcard resource allows, a matching Deny wins over it', () => {
  const allow = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/*' };
  assert.is(evaluatePolicy([allow], ARN), 'allow');
  assert.is(evaluatePolicy([allow, { Effect: 'Deny', Action: ['execute-api:*'], Resource: [`${ARN.slice(0, -1)}?`] }], ARN), 'explicitDeny');
});

test('evaluatePolicy: a policy for another method or action does not allow', () => {
  assert.is(evaluatePolicy([{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: ARN.replace('/GET/', '/DELETE/') }], ARN), 'notAllowed');
  assert.is(evaluatePolicy([{ Effect: 'Allow', Action: 'execute-api:ManageConnections', Resource: '*' }], ARN), 'notAllowed');
});

test('statementsOf: a single statement object counts; a document without statements is malformed', () => {
  assert.is(statementsOf({ Statement: { Effect: 'Allow' } })?.length, 1);
  assert.is(statementsOf({ Version: '2012-10-17' }), undefined);
  assert.is(statementsOf('Allow'), undefined);
});

test.run();
