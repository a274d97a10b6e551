import { CreateIdentityProviderCommand, DescribeIdentityProviderCommand } from '@aws-sdk/client-cognito-identity-provider';
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

const GOOGLE = { client_id: 'abc.apps.googleusercontent.com', client_secret: 'shh', authorize_scopes: 'email profile openid' };

test('CreateIdentityProvider: Google gets the endpoints Cognito sets and a username mapping', async () => {
  const { IdentityProvider } = await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Google', ProviderType: 'Google', ProviderDetails: GOOGLE,
    AttributeMapping: { email: 'email' },
  }));
  assert.is(IdentityProvider!.UserPoolId, poolId);
  assert.is(IdentityProvider!.ProviderName, 'Google');
  assert.is(IdentityProvider!.ProviderType, 'Google');
  assert.equal(IdentityProvider!.ProviderDetails, {
    ...GOOGLE,
    attributes_url: 'https://people.googleapis.com/v1/people/me?personFields=',
    attributes_url_add_attributes: 'true',
    authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
    oidc_issuer: 'https://accounts.google.com',
    token_request_method: 'POST',
    token_url: 'https://www.googleapis.com/oauth2/v4/token',
  });
  assert.equal(IdentityProvider!.AttributeMapping, { username: 'sub', email: 'email' });
  assert.ok(IdentityProvider!.CreationDate instanceof Date);
  assert.equal(IdentityProvider!.LastModifiedDate, IdentityProvider!.CreationDate);
  const described = await emulator.client.send(new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Google' }));
  assert.equal(described.IdentityProvider, { ...IdentityProvider, IdpIdentifiers: [] });
});

test('CreateIdentityProvider: Facebook URLs carry the Graph API version', async () => {
  const { IdentityProvider } = await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Facebook', ProviderType: 'Facebook',
    ProviderDetails: { client_id: '1', client_secret: 's', authorize_scopes: 'public_profile, email', api_version: 'v17.0' },
  }));
  assert.is(IdentityProvider!.ProviderDetails!.authorize_url, 'https://www.facebook.com/v17.0/dialog/oauth');
  assert.is(IdentityProvider!.ProviderDetails!.token_url, 'https://graph.facebook.com/v17.0/oauth/access_token');
  assert.is(IdentityProvider!.ProviderDetails!.token_request_method, 'GET');
  assert.equal(IdentityProvider!.AttributeMapping, { username: 'id' });
});

test('CreateIdentityProvider: Sign in with Apple keeps its private key out of every answer', async () => {
  const details = { client_id: 'com.example', team_id: 'T', key_id: 'K', private_key: 'PRIVATE', authorize_scopes: 'email name' };
  const created = await emulator.call('CreateIdentityProvider', {
    UserPoolId: poolId, ProviderName: 'SignInWithApple', ProviderType: 'SignInWithApple', ProviderDetails: details,
  });
  assert.is(created.status, 200);
  assert.is(created.body.IdentityProvider.ProviderDetails.private_key, undefined);
  assert.is(created.body.IdentityProvider.ProviderDetails.oidc_issuer, 'https://appleid.apple.com');
  assert.equal(created.body.IdentityProvider.AttributeMapping, { username: 'sub' });
  const described = await emulator.call('DescribeIdentityProvider', { UserPoolId: poolId, ProviderName: 'SignInWithApple' });
  assert.not.match(JSON.stringify(described.body), /PRIVATE/);
});

test('CreateIdentityProvider: OIDC and SAML providers take any valid name and keep their mapping as given', async () => {
  const oidc = await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Okta', ProviderType: 'OIDC',
    ProviderDetails: { client_id: 'c', attributes_request_method: 'GET', oidc_issuer: 'https://okta.example.com', authorize_scopes: 'openid' },
    IdpIdentifiers: ['example.com', 'okta'],
  }));
  assert.is(oidc.IdentityProvider!.ProviderDetails!.attributes_url_add_attributes, 'false');
  assert.equal(oidc.IdentityProvider!.AttributeMapping, {});
  assert.equal(oidc.IdentityProvider!.IdpIdentifiers, ['example.com', 'okta']);
  const saml = await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Corp-SAML', ProviderType: 'SAML',
    ProviderDetails: { MetadataURL: 'https://idp.example.com/metadata' }, AttributeMapping: { email: 'mail' },
  }));
  assert.equal(saml.IdentityProvider!.ProviderDetails, { MetadataURL: 'https://idp.example.com/metadata' });
  assert.equal(saml.IdentityProvider!.AttributeMapping, { email: 'mail' });
});

test('CreateIdentityProvider: the answer leaves out IdpIdentifiers the request did not give', async () => {
  const result = await emulator.call('CreateIdentityProvider', {
    UserPoolId: poolId, ProviderName: 'LoginWithAmazon', ProviderType: 'LoginWithAmazon',
    ProviderDetails: { client_id: 'amzn1', client_secret: 's', authorize_scopes: 'profile' },
  });
  assert.is(result.status, 200);
  assert.not.ok('IdpIdentifiers' in result.body.IdentityProvider);
  assert.type(result.body.IdentityProvider.CreationDate, 'number');
});

test('CreateIdentityProvider: a taken name is a DuplicateProviderException', async () => {
  const pool = await createPool(emulator);
  const request = { UserPoolId: pool, ProviderName: 'Google', ProviderType: 'Google' as const, ProviderDetails: GOOGLE };
  await emulator.client.send(new CreateIdentityProviderCommand(request));
  await assertRejects(emulator.client.send(new CreateIdentityProviderCommand(request)), 'DuplicateProviderException',
    `Google already exists in user pool ${pool}.`);
});

test('CreateIdentityProvider: an identifier another provider has is a DuplicateProviderException', async () => {
  const pool = await createPool(emulator);
  const saml = (name: string, IdpIdentifiers: string[]) => new CreateIdentityProviderCommand({
    UserPoolId: pool, ProviderName: name, ProviderType: 'SAML', ProviderDetails: { MetadataFile: '<xml/>' }, IdpIdentifiers,
  });
  await emulator.client.send(saml('First', ['shared.example']));
  await assertRejects(emulator.client.send(saml('Second', ['other', 'shared.example'])), 'DuplicateProviderException',
    `shared.example already exists in user pool ${pool}.`);
  await assertRejects(emulator.client.send(saml('Third', ['twice', 'twice'])), 'DuplicateProviderException');
});

test('CreateIdentityProvider: a social provider must be named after its type', async () => {
  await assertRejects(emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'NameOfGP', ProviderType: 'Google', ProviderDetails: GOOGLE,
  })), 'InvalidParameterException', 'Provider NameOfGP cannot be of type Google.');
  await assertRejects(emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Facebook', ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://x' },
  })), 'InvalidParameterException', 'Provider Facebook cannot be of type SAML.');
});

test('CreateIdentityProvider: each type needs its ProviderDetails keys', async () => {
  const create = (ProviderName: string, ProviderType: string, ProviderDetails: Record<string, string>) =>
    emulator.call('CreateIdentityProvider', { UserPoolId: poolId, ProviderName, ProviderType, ProviderDetails });
  assertAwsError(await create('Google', 'Google', { client_id: 'c', authorize_scopes: 'email' }), 'InvalidParameterException', 400,
    'client_id, client_secret and authorize_scopes are all required idp details');
  assertAwsError(await create('SignInWithApple', 'SignInWithApple', { client_id: 'c', authorize_scopes: 'email' }),
    'InvalidParameterException', 400, 'client_id, team_id, key_id, private_key and authorize_scopes are all required idp details');
  assertAwsError(await create('MyOidc', 'OIDC', { client_id: 'c', oidc_issuer: 'https://i', authorize_scopes: 'openid' }),
    'InvalidParameterException', 400,
    'client_id, attributes_request_method, oidc_issuer and authorize_scopes are all required idp details');
  assertAwsError(await create('MyOidc', 'OIDC', { client_id: 'c', attributes_request_method: 'PUT', oidc_issuer: 'https://i', authorize_scopes: 'openid' }),
    'InvalidParameterException', 400, 'attributes_request_method must be GET or POST');
  assertAwsError(await create('MySaml', 'SAML', { IDPSignout: 'true' }), 'InvalidParameterException', 400,
    'At least one of the MetadataURL or MetadataFile should be provided.');
});

test('CreateIdentityProvider: names, types and identifiers outside the model are refused', async () => {
  const base = { UserPoolId: poolId, ProviderDetails: { MetadataURL: 'https://x' } };
  assertAwsError(await emulator.call('CreateIdentityProvider', { ...base, ProviderName: '_hidden', ProviderType: 'SAML' }),
    'InvalidParameterException', 400, /at 'providerName' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('CreateIdentityProvider', { ...base, ProviderName: 'x'.repeat(33), ProviderType: 'SAML' }),
    'InvalidParameterException', 400, /Member must have length less than or equal to 32/);
  assertAwsError(await emulator.call('CreateIdentityProvider', { ...base, ProviderName: 'Azure', ProviderType: 'Twitter' }),
    'InvalidParameterException', 400,
    "1 validation error detected: Value 'Twitter' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: [SAML, Facebook, Google, LoginWithAmazon, SignInWithApple, OIDC]");
  assertAwsError(await emulator.call('CreateIdentityProvider', { ...base, ProviderName: 'Azure', ProviderType: 'SAML', IdpIdentifiers: ['no/slash'] }),
    'InvalidParameterException', 400, /at 'idpIdentifiers\.1\.member' failed to satisfy constraint/);
  assertAwsError(await emulator.call('CreateIdentityProvider', { ...base, ProviderName: 'Azure', ProviderType: 'SAML', AttributeMapping: { ['k'.repeat(33)]: 'v' } }),
    'InvalidParameterException', 400, /at 'attributeMapping' failed to satisfy constraint: Member must have length less than or equal to 32/);
});

test('CreateIdentityProvider: missing members, wrong types and an unknown pool', async () => {
  assertAwsError(await emulator.call('CreateIdentityProvider', { UserPoolId: poolId, ProviderName: 'Azure', ProviderType: 'SAML' }),
    'InvalidParameterException', 400, /Value null at 'providerDetails'/);
  assertAwsError(await emulator.call('CreateIdentityProvider', {
    UserPoolId: poolId, ProviderName: 'Azure', ProviderType: 'SAML', ProviderDetails: { MetadataURL: 5 },
  }), 'SerializationException');
  assertAwsError(await emulator.call('CreateIdentityProvider', {
    UserPoolId: 'us-east-1_nothere', ProviderName: 'Azure', ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://x' },
  }), 'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
});

test.run();
