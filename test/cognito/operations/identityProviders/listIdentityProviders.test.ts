import { CreateIdentityProviderCommand, ListIdentityProvidersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo']) {
    await emulator.client.send(new CreateIdentityProviderCommand({
      UserPoolId: poolId, ProviderName: name, ProviderType: 'SAML', ProviderDetails: { MetadataURL: `https://${name}` },
    }));
  }
});
test.after(async () => {
  await emulator.close();
});

test('ListIdentityProviders: lists names, types and dates only, in name order', async () => {
  const result = await emulator.call('ListIdentityProviders', { UserPoolId: poolId });
  assert.is(result.status, 200);
  assert.equal(result.body.Providers.map((p: { ProviderName: string }) => p.ProviderName), ['Alpha', 'Bravo', 'Charlie', 'Delta']);
  assert.equal(Object.keys(result.body.Providers[0]).sort(), ['CreationDate', 'LastModifiedDate', 'ProviderName', 'ProviderType']);
  assert.is(result.body.Providers[0].ProviderType, 'SAML');
  assert.is(result.body.NextToken, undefined);
});

test('ListIdentityProviders: pages with MaxResults and NextToken', async () => {
  const first = await emulator.client.send(new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 3 }));
  assert.equal(first.Providers!.map((p) => p.ProviderName), ['Alpha', 'Bravo', 'Charlie']);
  assert.ok(first.NextToken);
  const second = await emulator.client.send(
    new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 3, NextToken: first.NextToken }),
  );
  assert.equal(second.Providers!.map((p) => p.ProviderName), ['Delta']);
  assert.is(second.NextToken, undefined);
});

test('ListIdentityProviders: an empty pool lists none', async () => {
  const { Providers } = await emulator.client.send(new ListIdentityProvidersCommand({ UserPoolId: await createPool(emulator) }));
  assert.equal(Providers, []);
});

test('ListIdentityProviders: MaxResults outside 1..60 and an unknown pool are refused', async () => {
  assertAwsError(await emulator.call('ListIdentityProviders', { UserPoolId: poolId, MaxResults: 61 }), 'InvalidParameterException',
    400, "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60");
  assertAwsError(await emulator.call('ListIdentityProviders', { UserPoolId: poolId, MaxResults: 0 }), 'InvalidParameterException');
  assertAwsError(await emulator.call('ListIdentityProviders', { UserPoolId: 'us-east-1_nothere' }), 'ResourceNotFoundException', 404);
});

test.run();
