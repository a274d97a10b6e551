import { CreateResourceServerCommand, DescribeResourceServerCommand } from '@aws-sdk/client-cognito-identity-provider';
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

test('CreateResourceServer: returns the server with its scopes, and stores it', async () => {
  const { ResourceServer } = await emulator.client.send(new CreateResourceServerCommand({
    UserPoolId: poolId,
    Identifier: 'https://api.example.com',
    Name: 'Orders API',
    Scopes: [{ ScopeName: 'orders.read', ScopeDescription: 'Read orders' }, { ScopeName: 'orders:write', ScopeDescription: 'Write' }],
  }));
  assert.equal(ResourceServer, {
    UserPoolId: poolId,
    Identifier: 'https://api.example.com',
    Name: 'Orders API',
    Scopes: [{ ScopeName: 'orders.read', ScopeDescription: 'Read orders' }, { ScopeName: 'orders:write', ScopeDescription: 'Write' }],
  });
  const described = await emulator.client.send(
    new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: 'https://api.example.com' }),
  );
  assert.equal(described.ResourceServer, ResourceServer);
});

test('CreateResourceServer: a server without scopes answers an empty scope list', async () => {
  const result = await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'bare', Name: 'bare' });
  assert.is(result.status, 200);
  assert.equal(result.body.ResourceServer, { UserPoolId: poolId, Identifier: 'bare', Name: 'bare', Scopes: [] });
});

test('CreateResourceServer: a taken identifier is an InvalidParameterException', async () => {
  await emulator.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: 'taken', Name: 'one' }));
  await assertRejects(
    emulator.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: 'taken', Name: 'two' })),
    'InvalidParameterException',
    `taken already exists in user pool ${poolId}.`,
  );
});

test('CreateResourceServer: identifiers are per pool', async () => {
  const other = await createPool(emulator);
  await emulator.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: 'shared', Name: 'a' }));
  const { ResourceServer } = await emulator.client.send(
    new CreateResourceServerCommand({ UserPoolId: other, Identifier: 'shared', Name: 'b' }),
  );
  assert.is(ResourceServer!.UserPoolId, other);
});

test('CreateResourceServer: an unknown pool is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: 'us-east-1_nothere', Identifier: 'x', Name: 'x' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
});

test('CreateResourceServer: identifier, name and scope patterns are checked as AWS words them', async () => {
  // A double quote is outside the identifier pattern; a slash is outside the scope-name pattern.
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'a"b', Name: 'n' }),
    'InvalidParameterException', 400,
    "1 validation error detected: Value 'a\"b' at 'identifier' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\x21\\x23-\\x5B\\x5D-\\x7E]+");
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'ok', Name: 'bad/name' }),
    'InvalidParameterException', 400, /Value 'bad\/name' at 'name' failed to satisfy constraint/);
  assertAwsError(await emulator.call('CreateResourceServer', {
    UserPoolId: poolId, Identifier: 'ok', Name: 'ok', Scopes: [{ ScopeName: 'a/b', ScopeDescription: '' }],
  }), 'InvalidParameterException', 400,
  /^2 validation errors detected: Value 'a\/b' at 'scopes\.1\.member\.scopeName' .*; Value '' at 'scopes\.1\.member\.scopeDescription' failed to satisfy constraint: Member must have length greater than or equal to 1$/);
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'x'.repeat(257), Name: 'n' }),
    'InvalidParameterException', 400, /at 'identifier' failed to satisfy constraint: Member must have length less than or equal to 256/);
});

test('CreateResourceServer: more than 100 scopes are refused', async () => {
  const Scopes = Array.from({ length: 101 }, (_, i) => ({ ScopeName: `s${i}`, ScopeDescription: 'd' }));
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'many', Name: 'n', Scopes }),
    'InvalidParameterException', 400, /at 'scopes' failed to satisfy constraint: Member must have length less than or equal to 100/);
});

test('CreateResourceServer: missing members and wrong types are refused, never a 500', async () => {
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'x' }),
    'InvalidParameterException', 400, "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'x', Name: 'x', Scopes: [{ ScopeName: 'a' }] }),
    'InvalidParameterException', 400, /Value null at 'scopes\.1\.member\.scopeDescription'/);
  assertAwsError(await emulator.call('CreateResourceServer', { UserPoolId: poolId, Identifier: 'x', Name: 'x', Scopes: 'all' }),
    'SerializationException');
});

test.run();
