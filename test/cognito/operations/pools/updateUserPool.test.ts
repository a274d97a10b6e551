import { CreateUserPoolCommand, DescribeUserPoolCommand, UpdateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
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

test('UpdateUserPool: replaces settings, resets the ones not given, keeps what cannot change', async () => {
  const { UserPool } = await emulator.client.send(
    new CreateUserPoolCommand({
      PoolName: 'update-me',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 12 } },
      UserPoolTags: { team: 'a' },
    }),
  );
  await emulator.client.send(
    new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id, MfaConfiguration: 'OFF', DeletionProtection: 'ACTIVE' }),
  );
  const { UserPool: after } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }));
  assert.is(after!.DeletionProtection, 'ACTIVE');
  assert.is(after!.Policies!.PasswordPolicy!.MinimumLength, 8, 'password policy back to its default');
  assert.is(after!.AutoVerifiedAttributes, undefined, 'auto-verified attributes reset');
  assert.equal(after!.UsernameAttributes, ['email'], 'username attributes cannot change');
  assert.equal(after!.UserPoolTags, { team: 'a' });
  assert.is(after!.Name, 'update-me');
  assert.ok(after!.LastModifiedDate!.getTime() >= UserPool!.LastModifiedDate!.getTime());
});

test('UpdateUserPool: an unknown pool is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('UpdateUserPool', { UserPoolId: 'us-east-1_nothere00' }), 'ResourceNotFoundException', 404);
});

test('UpdateUserPool: a bad enum value is refused and nothing changes', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'stable' }));
  const result = await emulator.call('UpdateUserPool', { UserPoolId: UserPool!.Id, MfaConfiguration: 'SOMETIMES' });
  assertAwsError(result, 'InvalidParameterException', 400, /Member must satisfy enum value set: \[OFF, ON, OPTIONAL\]/);
  const { UserPool: after } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }));
  assert.equal(after, UserPool);
});

test.run();
