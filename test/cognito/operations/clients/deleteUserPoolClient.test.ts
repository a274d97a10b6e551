import {
  CreateUserPoolClientCommand, DeleteUserPoolClientCommand, DescribeUserPoolClientCommand, ListUserPoolClientsCommand,
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

test('DeleteUserPoolClient: removes the client and only that client', async () => {
  const send = (ClientName: string) => emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName }));
  const doomed = (await send('doomed')).UserPoolClient!;
  const kept = (await send('kept')).UserPoolClient!;
  await emulator.client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: doomed.ClientId }));
  await assertRejects(emulator.client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: doomed.ClientId })),
    'ResourceNotFoundException');
  const { UserPoolClients } = await emulator.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
  assert.equal(UserPoolClients!.map((c) => c.ClientId), [kept.ClientId]);
});

test('DeleteUserPoolClient: deleting twice, or in an unknown pool, is a ResourceNotFoundException', async () => {
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'once' }));
  const body = { UserPoolId: poolId, ClientId: UserPoolClient!.ClientId };
  assert.is((await emulator.call('DeleteUserPoolClient', body)).status, 200);
  assertAwsError(await emulator.call('DeleteUserPoolClient', body), 'ResourceNotFoundException', 404,
    `User pool client ${UserPoolClient!.ClientId} does not exist.`);
  assertAwsError(await emulator.call('DeleteUserPoolClient', { UserPoolId: 'us-east-1_nothere00', ClientId: 'abc' }),
    'ResourceNotFoundException', 404);
});

test('DeleteUserPoolClient: a missing client id is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('DeleteUserPoolClient', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null");
});

test.run();
