import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolUser } from '../../../src/iac/resources/cognito/userPoolUser.js';
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

const getUser = (Username: string) => ctx.cognito('AdminGetUser', { UserPoolId, Username });

test('AWS::Cognito::UserPoolUser: create makes the user with its attributes, the user name as Ref', async () => {
  const props = { UserPoolId, Username: 'carol', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] };
  const user = await userPoolUser.create(ctx, 'Carol', props);
  assert.equal(user, { physicalId: 'carol', attributes: {} });
  const got = await getUser('carol');
  assert.ok(got.UserAttributes.some((a: { Name: string; Value: string }) => a.Name === 'email' && a.Value === 'carol@example.com'));
});

test('AWS::Cognito::UserPoolUser: every property is create-only, so any change replaces and update keeps the user', async () => {
  const before = { UserPoolId, Username: 'dave', MessageAction: 'SUPPRESS' };
  assert.ok(userPoolUser.replaces(before, { ...before, UserAttributes: [{ Name: 'name', Value: 'Dave' }] }));
  const user = await userPoolUser.create(ctx, 'Dave', before);
  assert.equal(await userPoolUser.update(ctx, user, before, before), user);
  assert.is((await getUser('dave')).Username, 'dave');
});

test('AWS::Cognito::UserPoolUser: delete removes the user', async () => {
  const props = { UserPoolId, Username: 'erin', MessageAction: 'SUPPRESS' };
  const user = await userPoolUser.create(ctx, 'Erin', props);
  await userPoolUser.delete(ctx, user, props);
  await assertCognitoError(getUser('erin'), 'UserNotFoundException');
});

test('AWS::Cognito::UserPoolUser: an invalid MessageAction surfaces the Cognito error', async () => {
  await assertCognitoError(
    userPoolUser.create(ctx, 'Frank', { UserPoolId, Username: 'frank', MessageAction: 'SHOUT' }),
    'InvalidParameterException',
    /messageAction/,
  );
});

test.run();
