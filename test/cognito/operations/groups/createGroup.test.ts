import { CreateGroupCommand, GetGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
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

const ROLE = 'arn:aws:iam::000000000000:role/admins';

test('CreateGroup: returns the group with every setting and its dates', async () => {
  const { Group } = await emulator.client.send(new CreateGroupCommand({
    UserPoolId: poolId, GroupName: 'admins', Description: 'Administrators', RoleArn: ROLE, Precedence: 1,
  }));
  assert.is(Group!.GroupName, 'admins');
  assert.is(Group!.UserPoolId, poolId);
  assert.is(Group!.Description, 'Administrators');
  assert.is(Group!.RoleArn, ROLE);
  assert.is(Group!.Precedence, 1);
  assert.ok(Group!.CreationDate instanceof Date);
  assert.equal(Group!.LastModifiedDate, Group!.CreationDate);
  const stored = await emulator.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'admins' }));
  assert.equal(stored.Group, Group);
});

test('CreateGroup: leaves out the settings the request did not give', async () => {
  const result = await emulator.call('CreateGroup', { UserPoolId: poolId, GroupName: 'plain' });
  assert.is(result.status, 200);
  assert.equal(Object.keys(result.body.Group).sort(), ['CreationDate', 'GroupName', 'LastModifiedDate', 'UserPoolId']);
  assert.type(result.body.Group.CreationDate, 'number');
});

test('CreateGroup: accepts the largest precedence and any Unicode letters or punctuation in the name', async () => {
  const { Group } = await emulator.client.send(
    new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'équipe-Ω_1.+@', Precedence: 2 ** 31 - 1 }),
  );
  assert.is(Group!.Precedence, 2147483647);
  assert.is(Group!.GroupName, 'équipe-Ω_1.+@');
});

test('CreateGroup: a name taken in the pool is a GroupExistsException', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'taken' }));
  await assertRejects(emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'taken' })),
    'GroupExistsException', 'A group with the name already exists.');
});

test('CreateGroup: group names are per pool', async () => {
  const other = await createPool(emulator);
  const { Group } = await emulator.client.send(new CreateGroupCommand({ UserPoolId: other, GroupName: 'admins' }));
  assert.is(Group!.UserPoolId, other);
});

test('CreateGroup: an unknown pool is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new CreateGroupCommand({ UserPoolId: 'us-east-1_missing', GroupName: 'x' })),
    'ResourceNotFoundException', 'User pool us-east-1_missing does not exist.');
});

test('CreateGroup: a missing GroupName is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('CreateGroup', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: Member must not be null");
});

test('CreateGroup: names, descriptions, precedences and role ARNs outside the model are refused', async () => {
  const refused = async (request: Record<string, unknown>, path: string, rule: string) => {
    const result = await emulator.call('CreateGroup', { UserPoolId: poolId, GroupName: 'g', ...request });
    assertAwsError(result, 'InvalidParameterException', 400);
    assert.ok(result.body.message.includes(`at '${path}' failed to satisfy constraint: ${rule}`), result.body.message);
  };
  await refused({ GroupName: 'x'.repeat(129) }, 'groupName', 'Member must have length less than or equal to 128');
  await refused({ GroupName: 'two words' }, 'groupName', 'Member must satisfy regular expression pattern');
  await refused({ Description: 'd'.repeat(2049) }, 'description', 'Member must have length less than or equal to 2048');
  await refused({ Precedence: -1 }, 'precedence', 'Member must have value greater than or equal to 0');
  await refused({ Precedence: 2 ** 31 }, 'precedence', 'Member must have value less than or equal to 2147483647');
  await refused({ RoleArn: 'arn:short' }, 'roleArn', 'Member must have length greater than or equal to 20');
  await refused({ RoleArn: 'arn:short' }, 'roleArn', 'Member must satisfy regular expression pattern');
});

test('CreateGroup: a wrong member type is a SerializationException', async () => {
  assertAwsError(await emulator.call('CreateGroup', { UserPoolId: poolId, GroupName: 'g', Precedence: 'high' }),
    'SerializationException');
});

test.run();
