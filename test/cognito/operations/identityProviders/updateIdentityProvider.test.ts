import {
  CreateIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  UpdateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
let now = Date.parse('2024-01-01T00:00:00Z');
test.before(async () => {
  emulator = await startTestEmulator({ clock: { now: () => new Date(now) } });
  poolId = await createPool(emulator);
  await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Google', ProviderType: 'Google',
    ProviderDetails: { client_id: 'id', client_secret: 'old', authorize_scopes: 'email' },
    AttributeMapping: { email: 'email' }, IdpIdentifiers: ['gmail.com'],
  }));
  await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Okta', ProviderType: 'OIDC', IdpIdentifiers: ['okta.com'],
    ProviderDetails: { client_id: 'c', attributes_request_method: 'GET', oidc_issuer: 'https://okta', authorize_scopes: 'openid' },
  }));
});
test.after(async () => {
  await emulator.close();
});

test('UpdateIdentityProvider: lays new details over the stored ones and keeps what the request leaves out', async () => {
  now += 60_000;
  const { IdentityProvider } = await emulator.client.send(new UpdateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Google', ProviderDetails: { client_secret: 'new' },
  }));
  assert.is(IdentityProvider!.ProviderDetails!.client_secret, 'new');
  assert.is(IdentityProvider!.ProviderDetails!.client_id, 'id');
  assert.is(IdentityProvider!.ProviderDetails!.token_url, 'https://www.googleapis.com/oauth2/v4/token');
  assert.equal(IdentityProvider!.AttributeMapping, { username: 'sub', email: 'email' });
  assert.is(IdentityProvider!.LastModifiedDate!.getTime() - IdentityProvider!.CreationDate!.getTime(), 60_000);
  const described = await emulator.client.send(new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Google' }));
  assert.equal(described.IdentityProvider!.IdpIdentifiers, ['gmail.com']);
});

test('UpdateIdentityProvider: replaces the mapping and identifiers it is given', async () => {
  const { IdentityProvider } = await emulator.client.send(new UpdateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Google', AttributeMapping: { name: 'name' }, IdpIdentifiers: ['google.com'],
  }));
  assert.equal(IdentityProvider!.AttributeMapping, { username: 'sub', name: 'name' });
  assert.equal(IdentityProvider!.IdpIdentifiers, ['google.com']);
  const byOld = await emulator.call('GetIdentityProviderByIdentifier', { UserPoolId: poolId, IdpIdentifier: 'gmail.com' });
  assert.is(byOld.body.__type, 'ResourceNotFoundException');
});

test('UpdateIdentityProvider: details that drop a required key, and identifiers another provider has, are refused', async () => {
  await assertRejects(emulator.client.send(new UpdateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Okta', ProviderDetails: { attributes_request_method: '' },
  })), 'InvalidParameterException', 'client_id, attributes_request_method, oidc_issuer and authorize_scopes are all required idp details');
  await assertRejects(emulator.client.send(new UpdateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Okta', IdpIdentifiers: ['google.com'],
  })), 'DuplicateProviderException', `google.com already exists in user pool ${poolId}.`);
});

test('UpdateIdentityProvider: an unknown provider is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new UpdateIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Nope' })),
    'ResourceNotFoundException', 'Identity provider Nope does not exist.');
});

test('UpdateIdentityProvider: bad identifiers and a missing name are an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('UpdateIdentityProvider', { UserPoolId: poolId, ProviderName: 'Okta', IdpIdentifiers: [''] }),
    'InvalidParameterException', 400, /Value '' at 'idpIdentifiers\.1\.member' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  assertAwsError(await emulator.call('UpdateIdentityProvider', {
    UserPoolId: poolId, ProviderName: 'Okta', IdpIdentifiers: Array.from({ length: 51 }, (_, i) => `id${i}`),
  }), 'InvalidParameterException', 400, /at 'idpIdentifiers' failed to satisfy constraint: Member must have length less than or equal to 50/);
  assertAwsError(await emulator.call('UpdateIdentityProvider', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    /Value null at 'providerName'/);
});

test.run();
