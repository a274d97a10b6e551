import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { attributeValue, type UserRecord } from '../../../../src/cognito/model/user.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool, putUser } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
let lee: UserRecord;
const GROUPS = ['ops', 'dev', 'qa', 'admin', 'support'];
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  lee = await putUser(emulator, poolId, 'lee');
  await putUser(emulator, poolId, 'loner');
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'unjoined' }));
  for (const GroupName of GROUPS) {
    await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName, Precedence: GROUPS.indexOf(GroupName) }));
    await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'lee', GroupName }));
  }
});
test.after(async () => {
  await emulator.close();
});

test('AdminListGroupsForUser: lists the user\'s groups, in name order, with their settings', async () => {
  const { Groups, NextToken } = await emulator.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'lee' }));
  assert.equal(Groups!.map((g) => g.GroupName), [...GROUPS].sort());
  assert.is(Groups!.find((g) => g.GroupName === 'qa')!.Precedence, 2);
  assert.is(Groups![0]!.UserPoolId, poolId);
  assert.is(NextToken, undefined);
});

test('AdminListGroupsForUser: pages with Limit and NextToken', async () => {
  const seen: string[][] = [];
  let NextToken: string | undefined;
  do {
    const page = await emulator.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'lee', Limit: 2, NextToken }),
    );
    seen.push(page.Groups!.map((g) => g.GroupName!));
    NextToken = page.NextToken;
  } while (NextToken);
  assert.equal(seen, [['admin', 'dev'], ['ops', 'qa'], ['support']]);
});

test('AdminListGroupsForUser: finds the user by sub', async () => {
  const { Groups } = await emulator.client.send(
    new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: attributeValue(lee, 'sub')!, Limit: 1 }),
  );
  assert.equal(Groups!.map((g) => g.GroupName), ['admin']);
});

test('AdminListGroupsForUser: a user in no group has none', async () => {
  const { Groups } = await emulator.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'loner' }));
  assert.equal(Groups, []);
});

test('AdminListGroupsForUser: an unknown user is a UserNotFoundException', async () => {
  await assertRejects(emulator.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'stranger' })),
    'UserNotFoundException', 'User does not exist.');
});

test('AdminListGroupsForUser: a Limit above 60 is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'lee', Limit: 100 }),
    'InvalidParameterException', 400, /Value '100' at 'limit' .* Member must have value less than or equal to 60/);
  assertAwsError(await emulator.call('AdminListGroupsForUser', { UserPoolId: poolId, Username: '' }),
    'InvalidParameterException', 400, /^2 validation errors detected: Value at 'username' .* length greater than or equal to 1/);
});

test.run();
