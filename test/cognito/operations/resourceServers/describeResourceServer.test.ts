import { CreateResourceServerCommand, DescribeResourceServerCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  await emulator.client.send(new CreateResourceServerCommand({
    UserPoolId: poolId, Identifier: 'billing', Name: 'Billing', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }],
  }));
});
test.after(async () => {
  await emulator.close();
});

test('DescribeResourceServer: returns the stored server', async () => {
  const { ResourceServer } = await emulator.client.send(
    new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: 'billing' }),
  );
  assert.equal(ResourceServer, {
    UserPoolId: poolId, Identifier: 'billing', Name: 'Billing', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }],
  });
});

test('DescribeResourceServer: identifiers are case-sensitive', async () => {
  await assertRejects(emulator.client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: 'Billing' })),
    'ResourceNotFoundException', 'Resource server Billing does not exist.');
});

test('DescribeResourceServer: an unknown pool is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('DescribeResourceServer', { UserPoolId: 'us-east-1_nothere', Identifier: 'billing' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
});

test('DescribeResourceServer: a malformed pool id or empty identifier is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('DescribeResourceServer', { UserPoolId: 'nounderscore', Identifier: 'billing' }),
    'InvalidParameterException', 400, /at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('DescribeResourceServer', { UserPoolId: poolId, Identifier: '' }),
    'InvalidParameterException', 400, /^2 validation errors detected: Value '' at 'identifier'/);
  assertAwsError(await emulator.call('DescribeResourceServer', { UserPoolId: poolId }),
    'InvalidParameterException', 400, /Value null at 'identifier'/);
});

test.run();
