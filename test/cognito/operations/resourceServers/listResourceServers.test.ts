import {
  CreateResourceServerCommand,
  DeleteUserPoolCommand,
  ListResourceServersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
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
  for (const id of ['c', 'a', 'e', 'b', 'd']) {
    await emulator.client.send(new CreateResourceServerCommand({
      UserPoolId: poolId, Identifier: id, Name: id.toUpperCase(), Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }],
    }));
  }
});
test.after(async () => {
  await emulator.close();
});

test('ListResourceServers: lists every server with its scopes, in identifier order', async () => {
  const { ResourceServers, NextToken } = await emulator.client.send(new ListResourceServersCommand({ UserPoolId: poolId }));
  assert.equal(ResourceServers!.map((s) => s.Identifier), ['a', 'b', 'c', 'd', 'e']);
  assert.equal(ResourceServers![0], {
    UserPoolId: poolId, Identifier: 'a', Name: 'A', Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }],
  });
  assert.is(NextToken, undefined);
});

test('ListResourceServers: pages with MaxResults and NextToken', async () => {
  const seen: string[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await emulator.client.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 2, NextToken }));
    seen.push(...page.ResourceServers!.map((s) => s.Identifier!));
    NextToken = page.NextToken;
    pages++;
  } while (NextToken);
  assert.equal(seen, ['a', 'b', 'c', 'd', 'e']);
  assert.is(pages, 3);
});

test('ListResourceServers: an empty pool lists none', async () => {
  const empty = await createPool(emulator);
  const { ResourceServers } = await emulator.client.send(new ListResourceServersCommand({ UserPoolId: empty }));
  assert.equal(ResourceServers, []);
});

test('ListResourceServers: deleting the pool deletes its servers', async () => {
  const doomed = await createPool(emulator);
  await emulator.client.send(new CreateResourceServerCommand({ UserPoolId: doomed, Identifier: 'x', Name: 'x' }));
  await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: doomed }));
  assertAwsError(await emulator.call('ListResourceServers', { UserPoolId: doomed }), 'ResourceNotFoundException', 404,
    `User pool ${doomed} does not exist.`);
});

test('ListResourceServers: MaxResults outside 1..50 and an empty NextToken are refused', async () => {
  assertAwsError(await emulator.call('ListResourceServers', { UserPoolId: poolId, MaxResults: 51 }), 'InvalidParameterException',
    400, "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
  assertAwsError(await emulator.call('ListResourceServers', { UserPoolId: poolId, MaxResults: 0 }), 'InvalidParameterException',
    400, /Member must have value greater than or equal to 1/);
  assertAwsError(await emulator.call('ListResourceServers', { UserPoolId: poolId, NextToken: '' }), 'InvalidParameterException',
    400, /at 'nextToken'/);
  assertAwsError(await emulator.call('ListResourceServers', { UserPoolId: poolId, MaxResults: 'ten' }), 'SerializationException');
});

test.run();
