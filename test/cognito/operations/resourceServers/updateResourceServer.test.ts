import {
  CreateResourceServerCommand,
  DescribeResourceServerCommand,
  UpdateResourceServerCommand,
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
  await emulator.client.send(new CreateResourceServerCommand({
    UserPoolId: poolId, Identifier: 'api', Name: 'API',
    Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }, { ScopeName: 'write', ScopeDescription: 'Write' }],
  }));
});
test.after(async () => {
  await emulator.close();
});

test('UpdateResourceServer: replaces the name and the whole scope list', async () => {
  const { ResourceServer } = await emulator.client.send(new UpdateResourceServerCommand({
    UserPoolId: poolId, Identifier: 'api', Name: 'API v2', Scopes: [{ ScopeName: 'admin', ScopeDescription: 'Admin' }],
  }));
  assert.equal(ResourceServer, {
    UserPoolId: poolId, Identifier: 'api', Name: 'API v2', Scopes: [{ ScopeName: 'admin', ScopeDescription: 'Admin' }],
  });
  const described = await emulator.client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: 'api' }));
  assert.equal(described.ResourceServer, ResourceServer);
});

test('UpdateResourceServer: scopes left out are removed', async () => {
  const { ResourceServer } = await emulator.client.send(
    new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: 'api', Name: 'API' }),
  );
  assert.equal(ResourceServer!.Scopes, []);
});

test('UpdateResourceServer: an unknown server is a ResourceNotFoundException', async () => {
  await assertRejects(
    emulator.client.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: 'ghost', Name: 'x' })),
    'ResourceNotFoundException', 'Resource server ghost does not exist.',
  );
});

test('UpdateResourceServer: a missing name or bad scope is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('UpdateResourceServer', { UserPoolId: poolId, Identifier: 'api' }),
    'InvalidParameterException', 400, /Value null at 'name'/);
  assertAwsError(await emulator.call('UpdateResourceServer', {
    UserPoolId: poolId, Identifier: 'api', Name: 'API', Scopes: [{ ScopeName: 'has space', ScopeDescription: 'd' }],
  }), 'InvalidParameterException', 400, /Value 'has space' at 'scopes\.1\.member\.scopeName'/);
});

test.run();
