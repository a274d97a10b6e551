import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolUserToGroupAttachment as attachment } from '../../../src/iac/resources/cognito/userPoolUserToGroupAttachment.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { assertCognitoError, providerContext, type TestContext } from './context.js';

let emulator: TestEmulator;
let ctx: TestContext;
let UserPoolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ctx = providerContext(emulator);
  UserPoolId = (await ctx.cognito('CreateUserPool', { PoolName: 'app' })).UserPool.Id;
  await ctx.cognito('AdminCreateUser', { UserPoolId, Username: 'gina', MessageAction: 'SUPPRESS' });
  await ctx.cognito('CreateGroup', { UserPoolId, GroupName: 'admins' });
});
test.after(async () => {
  await emulator.close();
});

const groupsOf = async (Username: string) =>
  (await ctx.cognito('AdminListGroupsForUser', { UserPoolId, Username })).Groups.map((g: { GroupName: string }) => g.GroupName);

test('AWS::Cognito::UserPoolUserToGroupAttachment: create adds the user to the group, with a generated Ref', async () => {
  const props = { UserPoolId, Username: 'gina', GroupName: 'admins' };
  const attached = await attachment.create(ctx, 'GinaAdmin', props);
  assert.match(attached.physicalId, /^GinaAdmin-[A-Za-z0-9]{12}$/);
  assert.equal(await groupsOf('gina'), ['admins']);
  assert.ok(attachment.replaces(props, { ...props, GroupName: 'other' }));
  assert.equal(await attachment.update(ctx, attached, props, props), attached);
  await attachment.delete(ctx, attached, props);
  assert.equal(await groupsOf('gina'), []);
});

test('AWS::Cognito::UserPoolUserToGroupAttachment: a group that does not exist surfaces the Cognito error', async () => {
  await assertCognitoError(
    attachment.create(ctx, 'Nope', { UserPoolId, Username: 'gina', GroupName: 'missing' }),
    'ResourceNotFoundException',
  );
});

test.run();
