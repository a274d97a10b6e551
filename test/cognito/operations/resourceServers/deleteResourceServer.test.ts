import {
  CreateResourceServerCommand,
  DeleteResourceServerCommand,
  DescribeResourceServerCommand,
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

test('DeleteResourceServer: removes the server, and its identifier can be used again', async () => {
  await emulator.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: 'gone', Name: 'Gone' }));
  const result = await emulator.call('DeleteResourceServer', { UserPoolId: poolId, Identifier: 'gone' });
  assert.is(result.status, 200);
  assert.equal(result.body, {});
  await assertRejects(emulator.client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: 'gone' })),
    'ResourceNotFoundException');
  const { ResourceServer } = await emulator.client.send(
    new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: 'gone', Name: 'Again' }),
  );
  assert.is(ResourceServer!.Name, 'Again');
});

test('DeleteResourceServer: an unknown server is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: 'never' })),
    'ResourceNotFoundException', 'Resource server never does not exist.');
});

test('DeleteResourceServer: a missing identifier is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('DeleteResourceServer', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'identifier' failed to satisfy constraint: Member must not be null");
});

test.run();
