import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolDomain } from '../../../src/iac/resources/cognito/userPoolDomain.js';
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

/** A pool holds one prefix domain, so each case takes a pool of its own. */
const newPool = async (): Promise<string> => (await ctx.cognito('CreateUserPool', { PoolName: 'app' })).UserPool.Id;
const describe = async (Domain: string) => (await ctx.cognito('DescribeUserPoolDomain', { Domain })).DomainDescription;

test('AWS::Cognito::UserPoolDomain: create gives the domain as Ref and its CloudFrontDistribution', async () => {
  const UserPoolId = await newPool();
  const domain = await userPoolDomain.create(ctx, 'Domain', { UserPoolId, Domain: 'my-app-login' });
  assert.is(domain.physicalId, 'my-app-login');
  assert.match(String(domain.attributes.CloudFrontDistribution), /\.cloudfront\.net$/);
  assert.is((await describe('my-app-login')).UserPoolId, UserPoolId);
});

test('AWS::Cognito::UserPoolDomain: update in place changes the managed login version and keeps the domain', async () => {
  const before = { UserPoolId: await newPool(), Domain: 'versioned-login' };
  const after = { ...before, ManagedLoginVersion: 2 };
  assert.is(userPoolDomain.replaces(before, after), false);
  const domain = await userPoolDomain.create(ctx, 'Domain', before);
  const updated = await userPoolDomain.update(ctx, domain, after, before);
  assert.equal(updated, domain);
  assert.is((await describe('versioned-login')).ManagedLoginVersion, 2);
});

test('AWS::Cognito::UserPoolDomain: Domain and UserPoolId need a new domain', () => {
  const UserPoolId = 'us-east-1_abcdefghi';
  assert.ok(userPoolDomain.replaces({ UserPoolId, Domain: 'a' }, { UserPoolId, Domain: 'b' }));
  assert.ok(userPoolDomain.replaces({ UserPoolId: 'a_1', Domain: 'a' }, { UserPoolId: 'b_1', Domain: 'a' }));
  assert.not.ok(userPoolDomain.replaces({ UserPoolId, Domain: 'a' }, { UserPoolId, Domain: 'a', ManagedLoginVersion: 2 }));
});

test('AWS::Cognito::UserPoolDomain: delete frees the domain, and the pool can then be deleted', async () => {
  const props = { UserPoolId: await newPool(), Domain: 'short-lived-login' };
  const domain = await userPoolDomain.create(ctx, 'Domain', props);
  await userPoolDomain.delete(ctx, domain, props);
  assert.not.ok((await describe('short-lived-login')).Domain);
  await ctx.cognito('DeleteUserPool', { UserPoolId: props.UserPoolId });
});

test('AWS::Cognito::UserPoolDomain: a reserved word in the prefix surfaces the Cognito error', async () => {
  await assertCognitoError(
    userPoolDomain.create(ctx, 'Domain', { UserPoolId: await newPool(), Domain: 'my-cognito-login' }),
    'InvalidParameterException',
    /reserved word/,
  );
});

test.run();
