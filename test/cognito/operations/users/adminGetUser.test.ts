import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { users } from '../../../../src/cognito/model/user.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { attr, createUser } from './userFixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator, { AliasAttributes: ['email', 'preferred_username'] });
});
test.after(async () => {
  await emulator.close();
});

const get = (Username: string, UserPoolId = poolId) => emulator.client.send(new AdminGetUserCommand({ UserPoolId, Username }));

test('AdminGetUser: answers the user with UserAttributes and no MFA members when it has none', async () => {
  await createUser(emulator, poolId, 'alice', { UserAttributes: [{ Name: 'given_name', Value: 'Alice' }] });
  const result = await emulator.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
  assert.is(result.status, 200);
  assert.equal(Object.keys(result.body).sort(),
    ['Enabled', 'UserAttributes', 'UserCreateDate', 'UserLastModifiedDate', 'UserStatus', 'Username']);
  assert.is(result.body.Username, 'alice');
  assert.is(result.body.UserStatus, 'FORCE_CHANGE_PASSWORD');
  assert.is(result.body.Enabled, true);
  assert.is(result.body.UserAttributes[0].Name, 'sub');
  assert.is(attr(result.body.UserAttributes, 'given_name'), 'Alice');
});

test('AdminGetUser: finds the user by a verified alias or by sub, but not by an unverified email', async () => {
  await createUser(emulator, poolId, 'bob', { UserAttributes: [{ Name: 'email', Value: 'bob@example.com' },
    { Name: 'email_verified', Value: 'true' }, { Name: 'preferred_username', Value: 'bobby' }] });
  await createUser(emulator, poolId, 'carl', { UserAttributes: [{ Name: 'email', Value: 'carl@example.com' }] });
  const bob = await get('bob');
  assert.is((await get('bob@example.com')).Username, 'bob');
  assert.is((await get('bobby')).Username, 'bob');
  assert.is((await get(attr(bob.UserAttributes, 'sub')!)).Username, 'bob');
  await assertRejects(get('carl@example.com'), 'UserNotFoundException', 'User does not exist.');
});

test('AdminGetUser: shows MFA settings once the user has them', async () => {
  await createUser(emulator, poolId, 'mfa');
  const table = emulator.store.table(users);
  const record = (await table.get([poolId, 'mfa']))!;
  await emulator.store.transact(poolId, (tx) => tx.put(table, {
    ...record, PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
  }));
  const user = await get('mfa');
  assert.is(user.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');
  assert.equal(user.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
});

test('AdminGetUser: an unknown user or pool is an AWS not-found error', async () => {
  assertAwsError(await emulator.call('AdminGetUser', { UserPoolId: poolId, Username: 'nobody' }), 'UserNotFoundException', 404,
    'User does not exist.');
  assertAwsError(await emulator.call('AdminGetUser', { UserPoolId: 'us-east-1_missing1', Username: 'alice' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_missing1 does not exist.');
});

test('AdminGetUser: bad input is InvalidParameterException', async () => {
  assertAwsError(await emulator.call('AdminGetUser', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
  assertAwsError(await emulator.call('AdminGetUser', { UserPoolId: 'bad pool', Username: '' }), 'InvalidParameterException', 400,
    /^3 validation errors detected: /);
});

test.run();
