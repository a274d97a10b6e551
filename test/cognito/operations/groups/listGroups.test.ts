import { CreateGroupCommand, ListGroupsCommand, paginateListGroups } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
const NAMES = ['delta', 'alpha', 'echo', 'charlie', 'bravo'];
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  for (const GroupName of NAMES) {
    await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName, Description: `${GroupName} group` }));
  }
  const other = await createPool(emulator);
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: other, GroupName: 'elsewhere' }));
});
test.after(async () => {
  await emulator.close();
});

test('ListGroups: lists the pool\'s groups in name order, and only its own', async () => {
  const { Groups, NextToken } = await emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId }));
  assert.equal(Groups!.map((g) => g.GroupName), [...NAMES].sort());
  assert.is(Groups![0]!.Description, 'alpha group');
  assert.ok(Groups![0]!.CreationDate instanceof Date);
  assert.is(NextToken, undefined);
});

test('ListGroups: pages with Limit and NextToken, the last page without a token', async () => {
  const first = await emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 2 }));
  assert.equal(first.Groups!.map((g) => g.GroupName), ['alpha', 'bravo']);
  assert.type(first.NextToken, 'string');
  const second = await emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 2, NextToken: first.NextToken }));
  assert.equal(second.Groups!.map((g) => g.GroupName), ['charlie', 'delta']);
  const third = await emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 2, NextToken: second.NextToken }));
  assert.equal(third.Groups!.map((g) => g.GroupName), ['echo']);
  assert.is(third.NextToken, undefined);
});

test('ListGroups: a page that ends exactly at the last group carries no token', async () => {
  const { NextToken } = await emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 5 }));
  assert.is(NextToken, undefined);
});

test('ListGroups: the SDK paginator walks every group once', async () => {
  const seen: string[] = [];
  for await (const page of paginateListGroups({ client: emulator.client, pageSize: 3 }, { UserPoolId: poolId })) {
    seen.push(...page.Groups!.map((g) => g.GroupName!));
  }
  assert.equal(seen, [...NAMES].sort());
});

test('ListGroups: Limit 0 means the default page', async () => {
  const { Groups } = await emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 0 }));
  assert.is(Groups!.length, NAMES.length);
});

test('ListGroups: an unknown pool is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new ListGroupsCommand({ UserPoolId: 'us-east-1_gone' })),
    'ResourceNotFoundException', 'User pool us-east-1_gone does not exist.');
});

test('ListGroups: a Limit above 60 or an empty NextToken is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('ListGroups', { UserPoolId: poolId, Limit: 61 }), 'InvalidParameterException', 400,
    "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: " +
      'Member must have value less than or equal to 60');
  assertAwsError(await emulator.call('ListGroups', { UserPoolId: poolId, NextToken: '' }), 'InvalidParameterException', 400,
    /at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  assertAwsError(await emulator.call('ListGroups', { UserPoolId: poolId, Limit: '2' }), 'SerializationException');
});

test.run();
