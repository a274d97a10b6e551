import { AdminDeleteUserCommand, AdminGetUserCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberships } from '../../../../src/cognito/model/group.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { createUser } from './userFixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator, { UsernameAttributes: ['email'] });
});
test.after(async () => {
  await emulator.close();
});

const remove = (Username: string) => emulator.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username }));
const count = async () =>
  (await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.EstimatedNumberOfUsers;

test('AdminDeleteUser: removes the user, its sign-in email and its count', async () => {
  await createUser(emulator, poolId, 'alice@example.com');
  assert.is(await count(), 1);
  await remove('alice@example.com');
  await assertRejects(emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice@example.com' })),
    'UserNotFoundException');
  assert.is(await count(), 0);
  await createUser(emulator, poolId, 'alice@example.com');
});

test('AdminDeleteUser: removes the user from every group in the same batch', async () => {
  const sub = await createUser(emulator, poolId, 'member@example.com');
  const other = await createUser(emulator, poolId, 'other@example.com');
  const table = emulator.store.table(memberships);
  await emulator.store.transact(poolId, async (tx) => {
    for (const GroupName of ['admins', 'readers']) await tx.put(table, { UserPoolId: poolId, GroupName, UserKey: sub });
    await tx.put(table, { UserPoolId: poolId, GroupName: 'admins', UserKey: other });
  });
  await remove(sub);
  assert.equal((await table.findBy('byUser', [poolId, sub], { limit: 10 })).items, []);
  assert.is((await table.list([poolId, 'admins'], { limit: 10 })).items.length, 1);
});

test('AdminDeleteUser: an unknown user is UserNotFoundException, a missing member InvalidParameterException', async () => {
  assertAwsError(await emulator.call('AdminDeleteUser', { UserPoolId: poolId, Username: 'ghost@example.com' }),
    'UserNotFoundException', 404, 'User does not exist.');
  assertAwsError(await emulator.call('AdminDeleteUser', { UserPoolId: 'us-east-1_missing1', Username: 'x' }),
    'ResourceNotFoundException', 404);
  assertAwsError(await emulator.call('AdminDeleteUser', { Username: 'x' }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
});

test.run();
