import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolClient } from '../../../src/iac/resources/cognito/userPoolClient.js';
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

const describe = async (ClientId: string) => (await ctx.cognito('DescribeUserPoolClient', { UserPoolId, ClientId })).UserPoolClient;

test('AWS::Cognito::UserPoolClient: create gives the client id as Ref and ClientId, ClientSecret, Name', async () => {
  const client = await userPoolClient.create(ctx, 'Client', { UserPoolId, ClientName: 'web', GenerateSecret: true });
  assert.match(client.physicalId, /^[a-z0-9]{26}$/);
  assert.is(client.attributes.ClientId, client.physicalId);
  assert.is(client.attributes.Name, 'web');
  assert.is(client.attributes.ClientSecret, (await describe(client.physicalId)).ClientSecret);
  assert.type(client.attributes.ClientSecret, 'string');
});

test('AWS::Cognito::UserPoolClient: a client without ClientName gets a generated name that updates keep', async () => {
  const client = await userPoolClient.create(ctx, 'WebClient', { UserPoolId });
  assert.match(String(client.attributes.Name), /^WebClient-[A-Za-z0-9]{12}$/);
  const updated = await userPoolClient.update(ctx, client, { UserPoolId, RefreshTokenValidity: 10 }, { UserPoolId });
  assert.is(updated.attributes.Name, client.attributes.Name);
});

test('AWS::Cognito::UserPoolClient: update in place keeps the id and secret and resets removed settings', async () => {
  const before = { UserPoolId, ClientName: 'web', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] };
  const after = { UserPoolId, ClientName: 'web2', GenerateSecret: true, CallbackURLs: ['https://example.com/cb'] };
  assert.is(userPoolClient.replaces(before, after), false);
  const client = await userPoolClient.create(ctx, 'Client', before);
  const updated = await userPoolClient.update(ctx, client, after, before);
  assert.equal(updated, { ...client, attributes: { ...client.attributes, Name: 'web2' } });
  const described = await describe(client.physicalId);
  assert.equal(described.CallbackURLs, ['https://example.com/cb']);
  assert.not.equal(described.ExplicitAuthFlows, before.ExplicitAuthFlows);
});

test('AWS::Cognito::UserPoolClient: UserPoolId and GenerateSecret need a new client, an absent GenerateSecret is false', () => {
  assert.ok(userPoolClient.replaces({ UserPoolId: 'a_1' }, { UserPoolId: 'b_1' }));
  assert.ok(userPoolClient.replaces({ UserPoolId, GenerateSecret: false }, { UserPoolId, GenerateSecret: true }));
  assert.not.ok(userPoolClient.replaces({ UserPoolId }, { UserPoolId, GenerateSecret: false }));
  assert.not.ok(userPoolClient.replaces({ UserPoolId, ClientName: 'a' }, { UserPoolId, ClientName: 'b' }));
});

test('AWS::Cognito::UserPoolClient: delete removes the client, and deleting it again is not an error', async () => {
  const props = { UserPoolId, ClientName: 'gone' };
  const client = await userPoolClient.create(ctx, 'Client', props);
  await userPoolClient.delete(ctx, client, props);
  await assertCognitoError(describe(client.physicalId), 'ResourceNotFoundException');
  await userPoolClient.delete(ctx, client, props);
});

test('AWS::Cognito::UserPoolClient: an invalid property surfaces the Cognito error', async () => {
  await assertCognitoError(
    userPoolClient.create(ctx, 'Client', { UserPoolId, ClientName: 'bad', ExplicitAuthFlows: ['NOT_A_FLOW'] }),
    'InvalidParameterException',
  );
});

test.run();
