import {
  CreateUserPoolClientCommand, CreateUserPoolDomainCommand, GetUICustomizationCommand, SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

let domains = 0;
async function brandablePool(): Promise<{ poolId: string; clientId: string }> {
  const poolId = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `get-brand-${++domains}` }));
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web' }));
  return { poolId, clientId: UserPoolClient!.ClientId! };
}

test('GetUICustomization: nothing set answers an empty object', async () => {
  const { poolId, clientId } = await brandablePool();
  const response = await emulator.call('GetUICustomization', { UserPoolId: poolId, ClientId: clientId });
  assert.is(response.status, 200);
  assert.equal(response.body, { UICustomization: {} });
});

test('GetUICustomization: without ClientId, or for a client without its own, shows the pool default', async () => {
  const { poolId, clientId } = await brandablePool();
  await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: 'ALL', CSS: '.x {}' }));
  for (const ClientId of [undefined, 'ALL', clientId]) {
    const { UICustomization } = await emulator.client.send(new GetUICustomizationCommand({ UserPoolId: poolId, ClientId }));
    assert.is(UICustomization!.ClientId, 'ALL');
    assert.is(UICustomization!.CSS, '.x {}');
    assert.is(UICustomization!.UserPoolId, poolId);
  }
});

test('GetUICustomization: a client with its own branding shows that', async () => {
  const { poolId, clientId } = await brandablePool();
  await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS: '.pool {}' }));
  await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId, CSS: '.client {}' }));
  const { UICustomization } = await emulator.client.send(new GetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.is(UICustomization!.ClientId, clientId);
  assert.is(UICustomization!.CSS, '.client {}');
});

test('GetUICustomization: a pool without a domain, an unknown pool or client, and bad input answer AWS errors', async () => {
  const bare = await createPool(emulator);
  await assertRejects(
    emulator.client.send(new GetUICustomizationCommand({ UserPoolId: bare })),
    'InvalidParameterException', 'There has to be an existing domain associated with this user pool',
  );
  const { poolId } = await brandablePool();
  assertAwsError(await emulator.call('GetUICustomization', { UserPoolId: 'us-east-1_nothere00' }), 'ResourceNotFoundException', 404);
  assertAwsError(await emulator.call('GetUICustomization', { UserPoolId: poolId, ClientId: 'gone' }), 'ResourceNotFoundException', 404);
  assertAwsError(
    await emulator.call('GetUICustomization', { UserPoolId: poolId, ClientId: 'not a client id' }),
    'InvalidParameterException', 400,
    "1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
  );
  assertAwsError(await emulator.call('GetUICustomization', { UserPoolId: 5 }), 'SerializationException');
});

test.run();
