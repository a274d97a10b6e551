import {
  CreateIdentityProviderCommand,
  GetIdentityProviderByIdentifierCommand,
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
  await emulator.client.send(new CreateIdentityProviderCommand({
    UserPoolId: poolId, ProviderName: 'Corp', ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://x' },
    IdpIdentifiers: ['corp.example', 'CorpIdP'],
  }));
});
test.after(async () => {
  await emulator.close();
});

test('GetIdentityProviderByIdentifier: finds the provider by any of its identifiers', async () => {
  for (const IdpIdentifier of ['corp.example', 'CorpIdP']) {
    const { IdentityProvider } = await emulator.client.send(
      new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier }),
    );
    assert.is(IdentityProvider!.ProviderName, 'Corp');
    assert.equal(IdentityProvider!.IdpIdentifiers, ['corp.example', 'CorpIdP']);
  }
});

test('GetIdentityProviderByIdentifier: identifiers belong to their pool', async () => {
  const other = await createPool(emulator);
  await assertRejects(
    emulator.client.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId: other, IdpIdentifier: 'corp.example' })),
    'ResourceNotFoundException', 'Identity provider with identifier corp.example does not exist.',
  );
});

test('GetIdentityProviderByIdentifier: an identifier outside the pattern is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('GetIdentityProviderByIdentifier', { UserPoolId: poolId, IdpIdentifier: 'a/b' }),
    'InvalidParameterException', 400,
    "1 validation error detected: Value 'a/b' at 'idpIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=.@-]+");
  assertAwsError(await emulator.call('GetIdentityProviderByIdentifier', { UserPoolId: poolId }), 'InvalidParameterException',
    400, /Value null at 'idpIdentifier'/);
});

test.run();
