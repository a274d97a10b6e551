import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberships } from '../../../../src/cognito/model/group.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool, putUser } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  await putUser(emulator, poolId, 'ann');
});
test.after(async () => {
  await emulator.close();
});

test('DeleteGroup: removes the group and its memberships', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'temp' }));
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'stays' }));
  for (const GroupName of ['temp', 'stays']) {
    await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'ann', GroupName }));
  }
  await emulator.client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'temp' }));
  await assertRejects(emulator.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'temp' })),
    'ResourceNotFoundException', 'Group not found.');
  const { Groups } = await emulator.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'ann' }));
  assert.equal(Groups!.map((g) => g.GroupName), ['stays']);
});

test('DeleteGroup: a group created again under the same name starts empty', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'again' }));
  await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'ann', GroupName: 'again' }));
  await emulator.client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'again' }));
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'again' }));
  const { Users } = await emulator.client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'again' }));
  assert.equal(Users, []);
});

test('DeleteGroup: removes every membership of a group too big for one batch', async () => {
  const big = await createPool(emulator);
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: big, GroupName: 'crowd' }));
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: big, GroupName: 'neighbours' }));
  // Written straight to the store: 2,500 members through the API would make a slow test.
  await emulator.store.transact(big, async (tx) => {
    for (let i = 0; i < 2500; i++) {
      await tx.put(emulator.store.table(memberships), { UserPoolId: big, GroupName: 'crowd', UserKey: `u${i}` });
    }
    await tx.put(emulator.store.table(memberships), { UserPoolId: big, GroupName: 'neighbours', UserKey: 'u1' });
  });
  const table = emulator.store.table(memberships);
  assert.is(await table.count([big, 'crowd']), 2500);
  await emulator.client.send(new DeleteGroupCommand({ UserPoolId: big, GroupName: 'crowd' }));
  assert.is(await table.count([big, 'crowd']), 0);
  assert.is((await table.findBy('byUser', [big, 'u7'], { limit: 10 })).items.length, 0);
  assert.is(await table.count([big, 'neighbours']), 1);
});

test('DeleteGroup: an unknown group is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('DeleteGroup', { UserPoolId: poolId, GroupName: 'never' }),
    'ResourceNotFoundException', 404, 'Group not found.');
});

test('DeleteGroup: a malformed name is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('DeleteGroup', { UserPoolId: poolId, GroupName: 'a\tb' }), 'InvalidParameterException',
    400, /at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('DeleteGroup', { UserPoolId: poolId, GroupName: ['x'] }), 'SerializationException');
});

test.run();
