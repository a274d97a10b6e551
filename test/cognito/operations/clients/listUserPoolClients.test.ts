import { CreateUserPoolClientCommand, ListUserPoolClientsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
const created: string[] = [];
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  for (let i = 0; i < 5; i++) {
    const { UserPoolClient } = await emulator.client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: `client-${i}`, GenerateSecret: true }),
    );
    created.push(UserPoolClient!.ClientId!);
  }
  // A client of another pool must not show up.
  const other = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: other, ClientName: 'elsewhere' }));
});
test.after(async () => {
  await emulator.close();
});

test('ListUserPoolClients: pages through every client of the pool, id, pool and name only', async () => {
  const seen: string[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await emulator.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 2, NextToken }));
    assert.ok(page.UserPoolClients!.length <= 2);
    for (const client of page.UserPoolClients!) {
      assert.equal(Object.keys(client).sort(), ['ClientId', 'ClientName', 'UserPoolId']);
      assert.is(client.UserPoolId, poolId);
      seen.push(client.ClientId!);
    }
    NextToken = page.NextToken;
    pages++;
  } while (NextToken);
  assert.is(pages, 3);
  assert.equal(seen, [...created].sort());
});

test('ListUserPoolClients: without MaxResults returns them all; DCR clients are none', async () => {
  const all = await emulator.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
  assert.is(all.UserPoolClients!.length, 5);
  assert.is(all.NextToken, undefined);
  const dcr = await emulator.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, ClientType: 'DCR' }));
  assert.equal(dcr.UserPoolClients, []);
});

test('ListUserPoolClients: MaxResults outside 1..60 and unknown pools are refused', async () => {
  assertAwsError(await emulator.call('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 61 }), 'InvalidParameterException', 400,
    "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60");
  assertAwsError(await emulator.call('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 0 }), 'InvalidParameterException', 400,
    /greater than or equal to 1/);
  assertAwsError(await emulator.call('ListUserPoolClients', { UserPoolId: 'us-east-1_nothere00' }), 'ResourceNotFoundException', 404,
    'User pool us-east-1_nothere00 does not exist.');
});

test.run();
