import { CreateUserPoolClientCommand, type CreateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { putIdentityProvider, putResourceServer } from './fixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator, { Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: false }] });
  await putResourceServer(emulator, poolId, 'https://api.example.com/v1', ['read', 'write']);
  await putIdentityProvider(emulator, poolId, 'Okta');
});
test.after(async () => {
  await emulator.close();
});

const create = (request: Partial<CreateUserPoolClientRequest>) =>
  emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ...request }));

test('CreateUserPoolClient: fills in the defaults AWS does', async () => {
  const { UserPoolClient } = await create({});
  const { ClientId, CreationDate, LastModifiedDate, ...rest } = UserPoolClient!;
  assert.match(ClientId!, /^[a-z0-9]{26}$/);
  assert.ok(CreationDate instanceof Date);
  assert.equal(LastModifiedDate, CreationDate);
  assert.equal(rest, {
    UserPoolId: poolId,
    ClientName: 'app',
    RefreshTokenValidity: 30,
    TokenValidityUnits: {},
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
    AllowedOAuthFlowsUserPoolClient: false,
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
    RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    ClientType: 'REGULAR',
  });
});

test('CreateUserPoolClient: GenerateSecret returns a secret; a chosen secret is kept', async () => {
  const generated = await create({ GenerateSecret: true });
  assert.match(generated.UserPoolClient!.ClientSecret!, /^[a-z0-9]{51}$/);
  const chosen = await create({ ClientSecret: 'my_own_secret_of_24_chars' });
  assert.is(chosen.UserPoolClient!.ClientSecret, 'my_own_secret_of_24_chars');
  assert.is((await create({})).UserPoolClient!.ClientSecret, undefined);
});

test('CreateUserPoolClient: GenerateSecret with a ClientSecret, or a short secret, is refused', async () => {
  await assertRejects(create({ GenerateSecret: true, ClientSecret: 'my_own_secret_of_24_chars' }), 'InvalidParameterException');
  const result = await emulator.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'a', ClientSecret: 'short' });
  assertAwsError(result, 'InvalidParameterException', 400,
    "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length greater than or equal to 24");
});

test('CreateUserPoolClient: keeps the settings it is given', async () => {
  const { UserPoolClient } = await create({
    AccessTokenValidity: 30,
    IdTokenValidity: 2,
    RefreshTokenValidity: 90,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'minutes' },
    ReadAttributes: ['email', 'custom:tenant'],
    WriteAttributes: ['email'],
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    SupportedIdentityProviders: ['COGNITO', 'Okta'],
    CallbackURLs: ['https://app.example.com/cb', 'http://localhost:3000/cb', 'myapp://callback'],
    LogoutURLs: ['https://app.example.com/bye'],
    DefaultRedirectURI: 'https://app.example.com/cb',
    AllowedOAuthFlows: ['code', 'implicit'],
    AllowedOAuthScopes: ['openid', 'email', 'https://api.example.com/v1/read'],
    AllowedOAuthFlowsUserPoolClient: true,
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: false,
    AuthSessionValidity: 15,
  });
  assert.is(UserPoolClient!.AccessTokenValidity, 30);
  assert.is(UserPoolClient!.RefreshTokenValidity, 90);
  assert.equal(UserPoolClient!.TokenValidityUnits, { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'minutes' });
  assert.equal(UserPoolClient!.AllowedOAuthScopes, ['openid', 'email', 'https://api.example.com/v1/read']);
  assert.equal(UserPoolClient!.ExplicitAuthFlows, ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  assert.is(UserPoolClient!.PreventUserExistenceErrors, 'ENABLED');
  assert.is(UserPoolClient!.EnableTokenRevocation, false);
  assert.is(UserPoolClient!.AuthSessionValidity, 15);
});

test('CreateUserPoolClient: token validity outside AWS ranges is refused', async () => {
  const invalid = 'Invalid range for token validity.';
  await assertRejects(create({ AccessTokenValidity: 4, TokenValidityUnits: { AccessToken: 'minutes' } }), 'InvalidParameterException', invalid);
  await assertRejects(create({ IdTokenValidity: 25 }), 'InvalidParameterException', invalid);
  await assertRejects(create({ RefreshTokenValidity: 3651 }), 'InvalidParameterException', invalid);
  // The default refresh validity (30) read in minutes is under an hour.
  await assertRejects(create({ TokenValidityUnits: { RefreshToken: 'minutes' } }), 'InvalidParameterException', invalid);
  assert.is((await create({ RefreshTokenValidity: 0 })).UserPoolClient!.RefreshTokenValidity, 30, '0 means the default');
});

test('CreateUserPoolClient: model ranges and enums are reported as AWS words them', async () => {
  const result = await emulator.call('CreateUserPoolClient', {
    UserPoolId: poolId, ClientName: 'a', AccessTokenValidity: 0, AuthSessionValidity: 16,
  });
  assertAwsError(result, 'InvalidParameterException', 400,
    "2 validation errors detected: Value '0' at 'accessTokenValidity' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
    "Value '16' at 'authSessionValidity' failed to satisfy constraint: Member must have value less than or equal to 15");
  const flows = await emulator.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'a', AllowedOAuthFlows: ['code', 'token'] });
  assertAwsError(flows, 'InvalidParameterException', 400,
    "1 validation error detected: Value '[code, token]' at 'allowedOAuthFlows' failed to satisfy constraint: " +
    'Member must satisfy constraint: [Member must satisfy enum value set: [implicit, client_credentials, code]]');
});

test('CreateUserPoolClient: explicit auth flows follow AWS rules', async () => {
  const legacy = await create({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] });
  assert.equal(legacy.UserPoolClient!.ExplicitAuthFlows, ['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']);
  await assertRejects(create({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }), 'InvalidParameterException', /legacy/);
  await assertRejects(create({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }), 'InvalidParameterException',
    'REFRESH_TOKEN_AUTH should always be allowed.');
  const result = await emulator.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'a', ExplicitAuthFlows: ['ADMIN_USER_PASSWORD_AUTH'] });
  assertAwsError(result, 'InvalidParameterException', 400, /Value '\[ADMIN_USER_PASSWORD_AUTH\]' at 'explicitAuthFlows'.*ALLOW_CUSTOM_AUTH, ADMIN_NO_SRP_AUTH/);
});

test('CreateUserPoolClient: OAuth settings need flows, scopes and callbacks', async () => {
  await assertRejects(create({ AllowedOAuthFlowsUserPoolClient: true }), 'InvalidParameterException',
    'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.');
  await assertRejects(create({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] }),
    'InvalidOAuthFlowException', 'CallbackUrls can not be empty when code flow or implicit flow is selected');
  await assertRejects(create({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['nope/read'] }),
    'ScopeDoesNotExistException', 'Invalid scope requested: nope/read');
  await assertRejects(create({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['https://api.example.com/v1/delete'] }),
    'ScopeDoesNotExistException');
});

test('CreateUserPoolClient: client_credentials needs a secret, custom scopes and no other flow', async () => {
  const m2m = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['https://api.example.com/v1/write'] };
  await assertRejects(create({ ...m2m, AllowedOAuthFlows: ['client_credentials'] }), 'InvalidOAuthFlowException',
    'client_credentials flow can not be selected if client does not have a client secret.');
  await assertRejects(create({ ...m2m, GenerateSecret: true, AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: ['https://a.example'] }),
    'InvalidOAuthFlowException', 'client_credentials flow can not be selected along with code flow or implicit flow.');
  await assertRejects(create({ ...m2m, GenerateSecret: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['openid'] }),
    'InvalidOAuthFlowException', 'openid is not supported with client_credentials flow');
  const ok = await create({ ...m2m, GenerateSecret: true, AllowedOAuthFlows: ['client_credentials'] });
  assert.equal(ok.UserPoolClient!.AllowedOAuthFlows, ['client_credentials']);
});

test('CreateUserPoolClient: redirect URLs must be HTTPS (bar loopback) and the default one listed', async () => {
  await assertRejects(create({ CallbackURLs: ['http://app.example.com/cb'] }), 'InvalidParameterException',
    'http://app.example.com/cb cannot use the HTTP protocol.');
  await assertRejects(create({ LogoutURLs: ['http://192.168.1.2/bye'] }), 'InvalidParameterException', /cannot use the HTTP protocol/);
  await assertRejects(create({ CallbackURLs: ['https://app.example.com/cb#x'] }), 'InvalidParameterException', /fragment/);
  await assertRejects(create({ CallbackURLs: ['https://a.example/cb'], DefaultRedirectURI: 'https://b.example/cb' }),
    'InvalidParameterException', 'The default redirect URI https://b.example/cb is not in the callback URIs list.');
  const ok = await create({ CallbackURLs: ['http://127.0.0.1:8080/cb', 'http://[::1]/cb'] });
  assert.equal(ok.UserPoolClient!.CallbackURLs, ['http://127.0.0.1:8080/cb', 'http://[::1]/cb']);
});

test('CreateUserPoolClient: attributes, identity providers and analytics must make sense for the pool', async () => {
  await assertRejects(create({ ReadAttributes: ['custom:missing'] }), 'InvalidParameterException',
    'Invalid read attributes specified while creating a client');
  await assertRejects(create({ WriteAttributes: ['email_verified'] }), 'InvalidParameterException',
    'Invalid write attributes specified while creating a client');
  await assertRejects(create({ WriteAttributes: ['custom:tenant'] }), 'InvalidParameterException', /write attributes/);
  await assertRejects(create({ SupportedIdentityProviders: ['Google'] }), 'InvalidParameterException',
    'The provider Google does not exist for User Pool');
  await assertRejects(create({ AnalyticsConfiguration: { ApplicationId: 'abc' } }), 'InvalidParameterException',
    /Invalid analytics configuration given/);
});

test('CreateUserPoolClient: a bad name, a missing name or an unknown pool is refused', async () => {
  assertAwsError(await emulator.call('CreateUserPoolClient', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'clientName' failed to satisfy constraint: Member must not be null");
  assertAwsError(await emulator.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'bad/name' }),
    'InvalidParameterException', 400, /'clientName' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('CreateUserPoolClient', { UserPoolId: 'us-east-1_nothere00', ClientName: 'a' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere00 does not exist.');
  assertAwsError(await emulator.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'a', GenerateSecret: 'yes' }),
    'SerializationException');
});

test.run();
