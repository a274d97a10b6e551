import { CreateUserPoolCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('DescribeUserPool: returns what CreateUserPool stored', async () => {
  const { UserPool: created } = await emulator.client.send(
    new CreateUserPoolCommand({ PoolName: 'described', MfaConfiguration: 'OFF', UsernameAttributes: ['email'] }),
  );
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: created!.Id }));
  assert.equal(UserPool, created);
  assert.equal(UserPool!.UsernameAttributes, ['email']);
});

test('DescribeUserPool: an unknown pool is a ResourceNotFoundException', async () => {
  const result = await emulator.call('DescribeUserPool', { UserPoolId: 'us-east-1_missing00' });
  assertAwsError(result, 'ResourceNotFoundException', 404, 'User pool us-east-1_missing00 does not exist.');
});

test('DescribeUserPool: a malformed pool id is an InvalidParameterException', async () => {
  const result = await emulator.call('DescribeUserPool', { UserPoolId: 'no-underscore' });
  assertAwsError(result, 'InvalidParameterException', 400, /Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('DescribeUserPool', {}), 'InvalidParameterException', 400, /Member must not be null/);
});

test.run();
