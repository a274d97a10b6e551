import {
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { poolStats } from '../../../../src/cognito/model/userPool.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('DeleteUserPool: the pool and what belongs to it are gone', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'doomed' }));
  await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id }));
  await assertRejects(emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id })), 'ResourceNotFoundException');
  assert.is(await emulator.store.table(poolStats).get([UserPool!.Id!]), undefined);
});

test('DeleteUserPool: deletion protection refuses it', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'kept', DeletionProtection: 'ACTIVE' }));
  const result = await emulator.call('DeleteUserPool', { UserPoolId: UserPool!.Id });
  assertAwsError(result, 'InvalidParameterException', 400, /deletion protection is activated/);
  await emulator.client.send(new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id, DeletionProtection: 'INACTIVE' }));
  await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id }));
});

test('DeleteUserPool: a pool with a domain must lose the domain first', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'hosted' }));
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool!.Id, Domain: 'hosted-pool-test' }));
  assertAwsError(await emulator.call('DeleteUserPool', { UserPoolId: UserPool!.Id }), 'InvalidParameterException', 400,
    'User pool cannot be deleted. It has a domain configured that should be deleted first.');
  await emulator.client.send(new DeleteUserPoolDomainCommand({ UserPoolId: UserPool!.Id, Domain: 'hosted-pool-test' }));
  await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id }));
});

test('DeleteUserPool: an unknown pool is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('DeleteUserPool', { UserPoolId: 'us-east-1_gone00000' }), 'ResourceNotFoundException', 404);
  assertAwsError(await emulator.call('DeleteUserPool', { UserPoolId: 7 }), 'SerializationException');
});

test.run();
