import {
  CreateIdentityProviderCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
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

const saml = (ProviderName: string, IdpIdentifiers: string[]) => new CreateIdentityProviderCommand({
  UserPoolId: poolId, ProviderName, ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://x' }, IdpIdentifiers,
});

test('DeleteIdentityProvider: removes the provider and frees its name and identifiers', async () => {
  await emulator.client.send(saml('Corp', ['corp.example']));
  const result = await emulator.call('DeleteIdentityProvider', { UserPoolId: poolId, ProviderName: 'Corp' });
  assert.is(result.status, 200);
  assert.equal(result.body, {});
  await assertRejects(emulator.client.send(new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Corp' })),
    'ResourceNotFoundException');
  const { IdentityProvider } = await emulator.client.send(saml('Other', ['corp.example']));
  assert.equal(IdentityProvider!.IdpIdentifiers, ['corp.example']);
  await emulator.client.send(saml('Corp', []));
});

test('DeleteIdentityProvider: an unknown provider is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new DeleteIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Ghost' })),
    'ResourceNotFoundException', 'Identity provider Ghost does not exist.');
});

test('DeleteIdentityProvider: a malformed pool id is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('DeleteIdentityProvider', { UserPoolId: 'bad id', ProviderName: 'Corp' }),
    'InvalidParameterException', 400, /at 'userPoolId' failed to satisfy constraint/);
});

test.run();
