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
  await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Azure', ProviderType: 'SAML',
    ProviderDetails: { MetadataURL: 'https://login.example.com/metadata', IDPSignout: 'true' },
    AttributeMapping: { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' },
    IdpIdentifiers: ['example.com'],
  }));
});
test.after(async () => {
  await emulator.close();
});

test('DescribeIdentityProvider: returns the whole stored provider', async () => {
  const { IdentityProvider } = await emulator.client.send(
    new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Azure' }),
  );
  assert.is(IdentityProvider!.UserPoolId, poolId);
  assert.is(IdentityProvider!.ProviderType, 'SAML');
  assert.equal(IdentityProvider!.ProviderDetails, { MetadataURL: 'https://login.example.com/metadata', IDPSignout: 'true' });
  assert.equal(IdentityProvider!.AttributeMapping, {
    email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  });
  assert.equal(IdentityProvider!.IdpIdentifiers, ['example.com']);
  assert.ok(IdentityProvider!.CreationDate instanceof Date);
});

test('DescribeIdentityProvider: an unknown provider is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'azure' })),
    'ResourceNotFoundException', 'Identity provider azure does not exist.');
  assertAwsError(await emulator.call('DescribeIdentityProvider', { UserPoolId: 'us-east-1_nothere', ProviderName: 'Azure' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
});

test('DescribeIdentityProvider: an empty or overlong name is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('DescribeIdentityProvider', { UserPoolId: poolId, ProviderName: '' }),
    'InvalidParameterException', 400, /^2 validation errors detected: Value '' at 'providerName'/);
  assertAwsError(await emulator.call('DescribeIdentityProvider', { UserPoolId: poolId, ProviderName: 'n'.repeat(33) }),
    'InvalidParameterException', 400, /Member must have length less than or equal to 32/);
  assertAwsError(await emulator.call('DescribeIdentityProvider', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    /Value null at 'providerName'/);
});

test.run();
