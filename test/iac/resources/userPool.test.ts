import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPool } from '../../../src/iac/resources/cognito/userPool.js';
import type { UserPoolProps } from '../../../src/iac/resources/cognito/userPoolSettings.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { assertCognitoError, providerContext, type TestContext } from './context.js';

let emulator: TestEmulator;
let ctx: TestContext;
test.before(async () => {
  emulator = await startTestEmulator();
  ctx = providerContext(emulator);
});
test.after(async () => {
  await emulator.close();
});

const describe = async (id: string) => (await ctx.cognito('DescribeUserPool', { UserPoolId: id })).UserPool;

test('AWS::Cognito::UserPool: create gives the pool id as Ref and the documented GetAtt attributes', async () => {
  const pool = await userPool.create(ctx, 'Pool', { UserPoolName: 'app', AutoVerifiedAttributes: ['email'] });
  assert.match(pool.physicalId, /^us-east-1_[A-Za-z0-9]{9}$/);
  assert.equal(pool.attributes, {
    Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${pool.physicalId}`,
    ProviderName: `cognito-idp.us-east-1.amazonaws.com/${pool.physicalId}`,
    ProviderURL: `https://cognito-idp.us-east-1.amazonaws.com/${pool.physicalId}`,
    UserPoolId: pool.physicalId,
  });
  assert.is((await describe(pool.physicalId)).Name, 'app');
});

test('AWS::Cognito::UserPool: a pool without UserPoolName gets a generated <logicalId>-<12 alphanumerics> name', async () => {
  const pool = await userPool.create(ctx, 'AuthPool', {});
  assert.match((await describe(pool.physicalId)).Name, /^AuthPool-[A-Za-z0-9]{12}$/);
});

test('AWS::Cognito::UserPool: update in place keeps the id and the users, and resets removed settings', async () => {
  const before: UserPoolProps = { UserPoolName: 'app', Policies: { PasswordPolicy: { MinimumLength: 12 } } };
  const pool = await userPool.create(ctx, 'Pool', before);
  await ctx.cognito('AdminCreateUser', { UserPoolId: pool.physicalId, Username: 'alice', MessageAction: 'SUPPRESS' });
  const after: UserPoolProps = { UserPoolName: 'renamed' };
  assert.is(userPool.replaces(before, after), false);
  const updated = await userPool.update(ctx, pool, after, before);
  assert.equal(updated, pool);
  const described = await describe(pool.physicalId);
  assert.is(described.Name, 'renamed');
  assert.is(described.Policies.PasswordPolicy.MinimumLength, 8);
  const { UserStatus } = await ctx.cognito('AdminGetUser', { UserPoolId: pool.physicalId, Username: 'alice' });
  assert.is(UserStatus, 'FORCE_CHANGE_PASSWORD');
});

test('AWS::Cognito::UserPool: a new custom attribute is added in place with AddCustomAttributes', async () => {
  const before: UserPoolProps = { Schema: [{ Name: 'plan', AttributeDataType: 'String' }] };
  const after: UserPoolProps = { Schema: [...before.Schema!, { Name: 'team', AttributeDataType: 'String', Mutable: true }] };
  assert.is(userPool.replaces(before, after), false);
  const pool = await userPool.create(ctx, 'Pool', before);
  await userPool.update(ctx, pool, after, before);
  const names = (await describe(pool.physicalId)).SchemaAttributes.map((a: { Name: string }) => a.Name);
  assert.ok(names.includes('custom:plan') && names.includes('custom:team'), names.join());
});

test('AWS::Cognito::UserPool: sign-in options, case sensitivity and changed or required attributes need a new pool', () => {
  assert.ok(userPool.replaces({ UsernameAttributes: ['email'] }, { UsernameAttributes: ['phone_number'] }));
  assert.ok(userPool.replaces({}, { AliasAttributes: ['email'] }));
  assert.ok(userPool.replaces({}, { UsernameConfiguration: { CaseSensitive: false } }));
  const plan = { Name: 'plan', AttributeDataType: 'String' };
  assert.ok(userPool.replaces({ Schema: [plan] }, { Schema: [] }), 'removed');
  assert.ok(userPool.replaces({ Schema: [plan] }, { Schema: [{ ...plan, Mutable: false }] }), 'changed');
  assert.ok(userPool.replaces({}, { Schema: [{ Name: 'email', Required: true }] }), 'required standard');
  assert.not.ok(userPool.replaces({ MfaConfiguration: 'OFF' }, { MfaConfiguration: 'OPTIONAL' }));
});

test('AWS::Cognito::UserPool: EnabledMfas become the pool MFA factors, and tags follow the template', async () => {
  const before: UserPoolProps = { MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'], UserPoolTags: { team: 'a', old: 'x' } };
  const pool = await userPool.create(ctx, 'Pool', before);
  const mfa = await ctx.cognito('GetUserPoolMfaConfig', { UserPoolId: pool.physicalId });
  assert.equal([mfa.MfaConfiguration, mfa.SoftwareTokenMfaConfiguration], ['OPTIONAL', { Enabled: true }]);
  const after: UserPoolProps = { ...before, UserPoolTags: { team: 'b' } };
  await userPool.update(ctx, pool, after, before);
  const { Tags } = await ctx.cognito('ListTagsForResource', { ResourceArn: pool.attributes.Arn });
  assert.equal(Tags, { team: 'b' });
  assert.is((await ctx.cognito('GetUserPoolMfaConfig', { UserPoolId: pool.physicalId })).MfaConfiguration, 'OPTIONAL');
});

test('AWS::Cognito::UserPool: delete removes the pool, and deleting it again is not an error', async () => {
  const pool = await userPool.create(ctx, 'Pool', {});
  await userPool.delete(ctx, pool, {});
  await assertCognitoError(describe(pool.physicalId), 'ResourceNotFoundException');
  await userPool.delete(ctx, pool, {});
});

test('AWS::Cognito::UserPool: an invalid property surfaces the Cognito error', async () => {
  await assertCognitoError(
    userPool.create(ctx, 'Pool', { Policies: { PasswordPolicy: { MinimumLength: 3 } } }),
    'InvalidParameterException',
    /minimumLength/,
  );
});

test.run();
