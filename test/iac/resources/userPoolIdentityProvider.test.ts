import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolIdentityProvider as idp } from '../../../src/iac/resources/cognito/userPoolIdentityProvider.js';
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

const describe = async (ProviderName: string) =>
  (await ctx.cognito('DescribeIdentityProvider', { UserPoolId, ProviderName })).IdentityProvider;
const google = (scopes: string) => ({
  UserPoolId,
  ProviderName: 'Google',
  ProviderType: 'Google',
  ProviderDetails: { client_id: 'id', client_secret: 'secret', authorize_scopes: scopes },
  AttributeMapping: { email: 'email' },
});

test('AWS::Cognito::UserPoolIdentityProvider: create, update details in place, delete', async () => {
  const before = google('openid');
  const after = google('openid email');
  const created = await idp.create(ctx, 'Google', before);
  assert.equal(created, { physicalId: 'Google', attributes: {} });
  assert.is(idp.replaces(before, after), false);
  assert.equal(await idp.update(ctx, created, after, before), created);
  assert.is((await describe('Google')).ProviderDetails.authorize_scopes, 'openid email');
  await idp.delete(ctx, created, after);
  await assertCognitoError(describe('Google'), 'ResourceNotFoundException');
});

test('AWS::Cognito::UserPoolIdentityProvider: ProviderName, ProviderType and UserPoolId need a new provider', () => {
  const props = google('openid');
  assert.ok(idp.replaces(props, { ...props, ProviderName: 'Other' }));
  assert.ok(idp.replaces(props, { ...props, ProviderType: 'Facebook' }));
  assert.ok(idp.replaces(props, { ...props, UserPoolId: 'us-east-1_other' }));
});

test('AWS::Cognito::UserPoolIdentityProvider: an unknown provider type surfaces the Cognito error', async () => {
  await assertCognitoError(idp.create(ctx, 'Bad', { ...google('openid'), ProviderName: 'Bad', ProviderType: 'MySpace' }), 'InvalidParameterException');
});

test.run();
