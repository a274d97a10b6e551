import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolGroup } from '../../../src/iac/resources/cognito/userPoolGroup.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { assertCognitoError, providerContext, type TestContext } from './context.js';

let emulator: TestEmulator;
let ctx: TestContext;
let UserPoolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ctx = providerContext(emulator);
  UserPoolId = (await ctx.cognito('CreateUserPool', { PoolName: 'app' })).UserPool.Id;
});
test.after(async () => {
  await emulator.close();
});

const getGroup = async (GroupName: string) => (await ctx.cognito('GetGroup', { UserPoolId, GroupName })).Group;

test('AWS::Cognito::UserPoolGroup: create gives the group name as Ref, or a generated one', async () => {
  const admins = await userPoolGroup.create(ctx, 'Admins', { UserPoolId, GroupName: 'admins', Precedence: 1 });
  assert.equal(admins, { physicalId: 'admins', attributes: {} });
  assert.is((await getGroup('admins')).Precedence, 1);
  const unnamed = await userPoolGroup.create(ctx, 'Readers', { UserPoolId });
  assert.match(unnamed.physicalId, /^Readers-[A-Za-z0-9]{12}$/);
});

test('AWS::Cognito::UserPoolGroup: update in place keeps members and clears a removed description', async () => {
  const before = { UserPoolId, GroupName: 'staff', Description: 'people', Precedence: 2 };
  const after = { UserPoolId, GroupName: 'staff', Precedence: 5 };
  assert.is(userPoolGroup.replaces(before, after), false);
  const group = await userPoolGroup.create(ctx, 'Staff', before);
  await ctx.cognito('AdminCreateUser', { UserPoolId, Username: 'bob', MessageAction: 'SUPPRESS' });
  await ctx.cognito('AdminAddUserToGroup', { UserPoolId, Username: 'bob', GroupName: 'staff' });
  assert.equal(await userPoolGroup.update(ctx, group, after, before), group);
  const updated = await getGroup('staff');
  assert.is(updated.Precedence, 5);
  assert.not.ok(updated.Description);
  const { Users } = await ctx.cognito('ListUsersInGroup', { UserPoolId, GroupName: 'staff' });
  assert.equal(Users.map((u: { Username: string }) => u.Username), ['bob']);
});

test('AWS::Cognito::UserPoolGroup: GroupName and UserPoolId need a new group', () => {
  assert.ok(userPoolGroup.replaces({ UserPoolId, GroupName: 'a' }, { UserPoolId, GroupName: 'b' }));
  assert.ok(userPoolGroup.replaces({ UserPoolId: 'a_1', GroupName: 'a' }, { UserPoolId: 'b_1', GroupName: 'a' }));
  assert.not.ok(userPoolGroup.replaces({ UserPoolId, GroupName: 'a' }, { UserPoolId, GroupName: 'a', RoleArn: 'arn:aws:iam::000000000000:role/r' }));
});

test('AWS::Cognito::UserPoolGroup: delete removes the group', async () => {
  const props = { UserPoolId, GroupName: 'temp' };
  const group = await userPoolGroup.create(ctx, 'Temp', props);
  await userPoolGroup.delete(ctx, group, props);
  await assertCognitoError(getGroup('temp'), 'ResourceNotFoundException');
});

test('AWS::Cognito::UserPoolGroup: an existing group name surfaces GroupExistsException', async () => {
  await userPoolGroup.create(ctx, 'One', { UserPoolId, GroupName: 'dup' });
  await assertCognitoError(userPoolGroup.create(ctx, 'Two', { UserPoolId, GroupName: 'dup' }), 'GroupExistsException');
});

test.run();
