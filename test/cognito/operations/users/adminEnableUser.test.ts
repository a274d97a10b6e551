import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { createUser } from './userFixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
});
test.after(async () => {
  await emulator.close();
});

test('AdminEnableUser: enables a disabled user again', async () => {
  await createUser(emulator, poolId, 'alice');
  await emulator.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  const result = await emulator.call('AdminEnableUser', { UserPoolId: poolId, Username: 'alice' });
  assert.equal(result.body, {});
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(user.Enabled, true);
  const disabled = await emulator.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'status = "Disabled"' }));
  assert.equal(disabled.Users, []);
});

test('AdminEnableUser: enabling an enabled user changes nothing', async () => {
  await emulator.client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  const { Users } = await emulator.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'status = "Enabled"' }));
  assert.equal(Users!.map((u) => u.Username), ['alice']);
});

test('AdminEnableUser: an unknown user or pool, or bad input, is an AWS error', async () => {
  assertAwsError(await emulator.call('AdminEnableUser', { UserPoolId: poolId, Username: 'ghost' }), 'UserNotFoundException', 404);
  assertAwsError(await emulator.call('AdminEnableUser', { UserPoolId: 'us-east-1_missing1', Username: 'alice' }),
    'ResourceNotFoundException', 404);
  assertAwsError(await emulator.call('AdminEnableUser', { UserPoolId: poolId, Username: '' }), 'InvalidParameterException', 400,
    /Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1/);
});

test.run();
