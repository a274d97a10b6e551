import { AdminDeleteUserAttributesCommand, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { attr, createUser } from './userFixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator, {
    AliasAttributes: ['email'],
    Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true }, { Name: 'badge', AttributeDataType: 'String', Mutable: false }],
  });
  await createUser(emulator, poolId, 'alice', { UserAttributes: [{ Name: 'name', Value: 'Alice' },
    { Name: 'email', Value: 'alice@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'locale', Value: 'en' },
    { Name: 'custom:badge', Value: 'A1' }] });
});
test.after(async () => {
  await emulator.close();
});

const call = (UserAttributeNames: unknown) =>
  emulator.call('AdminDeleteUserAttributes', { UserPoolId: poolId, Username: 'alice', UserAttributeNames });
const get = async (Username = 'alice') =>
  (await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }))).UserAttributes!;

test('AdminDeleteUserAttributes: removes the attributes named', async () => {
  const result = await call(['locale', 'given_name']);
  assert.equal(result.body, {});
  const attributes = await get();
  assert.is(attr(attributes, 'locale'), undefined);
  assert.is(attr(attributes, 'name'), 'Alice');
});

test('AdminDeleteUserAttributes: removing the email removes its verification and the alias', async () => {
  await emulator.client.send(new AdminDeleteUserAttributesCommand({
    UserPoolId: poolId, Username: 'alice@example.com', UserAttributeNames: ['email'],
  }));
  const attributes = await get();
  assert.is(attr(attributes, 'email'), undefined);
  assert.is(attr(attributes, 'email_verified'), undefined);
  await assertRejects(get('alice@example.com'), 'UserNotFoundException');
});

test('AdminDeleteUserAttributes: required, immutable, unknown attributes and sub cannot be removed', async () => {
  assertAwsError(await call(['name']), 'InvalidParameterException', 400,
    'Attributes did not conform to the schema: name: The attribute is required');
  assertAwsError(await call(['custom:badge']), 'InvalidParameterException', 400, 'user.custom:badge: Attribute cannot be updated.');
  assertAwsError(await call(['sub']), 'InvalidParameterException', 400, 'user.sub: Attribute cannot be updated.');
  assertAwsError(await call(['custom:nope']), 'InvalidParameterException', 400,
    'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined');
  assert.is(attr(await get(), 'custom:badge'), 'A1');
});

test('AdminDeleteUserAttributes: an unknown user or bad input is an AWS error', async () => {
  assertAwsError(await emulator.call('AdminDeleteUserAttributes', { UserPoolId: poolId, Username: 'ghost', UserAttributeNames: ['locale'] }),
    'UserNotFoundException', 404);
  assertAwsError(await call('locale'), 'SerializationException');
  assertAwsError(await call(['']), 'InvalidParameterException', 400,
    /Value '' at 'userAttributeNames.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1/);
});

test.run();
