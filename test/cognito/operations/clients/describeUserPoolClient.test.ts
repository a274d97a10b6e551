import { CreateUserPoolClientCommand, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
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
});
test.after(async () => {
  await emulator.close();
});

test('DescribeUserPoolClient: returns the client as created, secret included', async () => {
  const { UserPoolClient: created } = await emulator.client.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web', GenerateSecret: true, AccessTokenValidity: 2 }),
  );
  const { UserPoolClient } = await emulator.client.send(
    new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: created!.ClientId }),
  );
  assert.equal(UserPoolClient, created);
  assert.is(UserPoolClient!.ClientSecret, created!.ClientSecret);
  assert.is(UserPoolClient!.AccessTokenValidity, 2);
});

test('DescribeUserPoolClient: an unknown client or pool is a ResourceNotFoundException', async () => {
  await assertRejects(
    emulator.client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: 'nosuchclient0000000000000a' })),
    'ResourceNotFoundException', 'User pool client nosuchclient0000000000000a does not exist.',
  );
  assertAwsError(await emulator.call('DescribeUserPoolClient', { UserPoolId: 'us-east-1_nothere00', ClientId: 'abc' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere00 does not exist.');
});

test('DescribeUserPoolClient: a malformed client id is refused without echoing it', async () => {
  assertAwsError(await emulator.call('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: 'has space' }),
    'InvalidParameterException', 400,
    "1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+");
  assertAwsError(await emulator.call('DescribeUserPoolClient', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    /Value null at 'clientId'/);
});

test.run();
