import { ListUsersCommand, type ListUsersRequest } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool, putUser } from '../../../helpers/fixtures.js';
import { createUser } from './userFixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator, { Schema: [{ Name: 'tenant', AttributeDataType: 'String' }] });
  const people = [['ann', 'Ann', 'ann@example.com'], ['bea', 'Bea', 'bea@corp.example'], ['cal', 'Cal "the pal"', 'cal@example.com'],
    ['dan', 'Dan', 'dan@example.com'], ['Eve', 'Eve', 'eve@corp.example']];
  for (const [username, name, email] of people) {
    await createUser(emulator, poolId, username!, { UserAttributes: [{ Name: 'name', Value: name! }, { Name: 'email', Value: email! },
      { Name: 'custom:tenant', Value: 'acme' }] });
  }
  await putUser(emulator, poolId, 'fay', [{ Name: 'email', Value: 'fay@example.com' }]);
});
test.after(async () => {
  await emulator.close();
});

const list = (request: Partial<ListUsersRequest> = {}) => emulator.client.send(new ListUsersCommand({ UserPoolId: poolId, ...request }));
const names = async (request: Partial<ListUsersRequest>) => (await list(request)).Users!.map((u) => u.Username);

test('ListUsers: lists every user as UserType, a page at a time', async () => {
  const first = await list({ Limit: 4 });
  assert.equal(first.Users!.map((u) => u.Username), ['Eve', 'ann', 'bea', 'cal']);
  assert.ok(first.PaginationToken);
  const second = await list({ Limit: 4, PaginationToken: first.PaginationToken });
  assert.equal(second.Users!.map((u) => u.Username), ['dan', 'fay']);
  assert.is(second.PaginationToken, undefined);
  const ann = first.Users![1]!;
  assert.equal(Object.keys(ann).sort(), ['Attributes', 'Enabled', 'UserCreateDate', 'UserLastModifiedDate', 'UserStatus', 'Username']);
  assert.is((await list()).Users!.length, 6);
});

test('ListUsers: filters with = and ^= on the searchable attributes', async () => {
  assert.equal(await names({ Filter: 'email = "bea@corp.example"' }), ['bea']);
  assert.equal(await names({ Filter: 'email ^= "bea"' }), ['bea']);
  assert.equal(await names({ Filter: 'email^="e"' }), ['Eve']);
  assert.equal(await names({ Filter: 'username = "ann"' }), ['ann']);
  assert.equal(await names({ Filter: 'username = "eve"' }), []);
  assert.equal(await names({ Filter: 'name = "Cal \\"the pal\\""' }), ['cal']);
  assert.equal(await names({ Filter: 'cognito:user_status = "force_change_password"', Limit: 10 }), ['Eve', 'ann', 'bea', 'cal', 'dan']);
  assert.equal(await names({ Filter: 'cognito:user_status = "CONFIRMED"' }), ['fay']);
  assert.equal(await names({ Filter: 'status = "Enabled"' }), ['Eve', 'ann', 'bea', 'cal', 'dan', 'fay']);
  assert.equal(await names({ Filter: '' }), ['Eve', 'ann', 'bea', 'cal', 'dan', 'fay']);
});

test('ListUsers: a filtered list pages too', async () => {
  const first = await list({ Filter: 'email ^= ""', Limit: 2 });
  const second = await list({ Filter: 'email ^= ""', Limit: 2, PaginationToken: first.PaginationToken });
  assert.equal(first.Users!.map((u) => u.Username), ['ann', 'bea']);
  assert.equal(second.Users!.map((u) => u.Username), ['cal', 'dan']);
});

test('ListUsers: AttributesToGet keeps only the attributes named', async () => {
  const { Users } = await list({ Filter: 'username = "ann"', AttributesToGet: ['email', 'custom:tenant'] });
  assert.equal(Users![0]!.Attributes, [{ Name: 'email', Value: 'ann@example.com' }, { Name: 'custom:tenant', Value: 'acme' }]);
});

test('ListUsers: a malformed filter or one on an attribute that is not searchable is InvalidParameterException', async () => {
  const call = (Filter: string) => emulator.call('ListUsers', { UserPoolId: poolId, Filter });
  assertAwsError(await call('username = foo'), 'InvalidParameterException', 400, 'Error while parsing filter');
  assertAwsError(await call('username='), 'InvalidParameterException', 400, 'Error while parsing filter');
  assertAwsError(await call('email ~= "x"'), 'InvalidParameterException', 400, 'Error while parsing filter');
  assertAwsError(await call('custom:tenant = "acme"'), 'InvalidParameterException', 400, 'Invalid search attribute: custom:tenant');
});

test('ListUsers: bad members and an unknown pool are AWS errors', async () => {
  assertAwsError(await emulator.call('ListUsers', { UserPoolId: poolId, Limit: 61 }), 'InvalidParameterException', 400,
    "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
  assertAwsError(await emulator.call('ListUsers', { UserPoolId: poolId, Limit: 'ten' }), 'SerializationException');
  assertAwsError(await emulator.call('ListUsers', { UserPoolId: 'us-east-1_missing1' }), 'ResourceNotFoundException', 404,
    'User pool us-east-1_missing1 does not exist.');
});

test.run();
