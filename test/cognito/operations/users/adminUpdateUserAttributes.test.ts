import {
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  GetUserAttributeVerificationCodeCommand,
  ListUsersCommand,
  VerifyUserAttributeCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { sentCodes, signedIn } from '../profile/profileFixtures.js';
import { attr, createUser } from './userFixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator, {
    AliasAttributes: ['email'],
    Schema: [{ Name: 'badge', AttributeDataType: 'String', Mutable: false }, { Name: 'level', AttributeDataType: 'Number',
      NumberAttributeConstraints: { MinValue: '1', MaxValue: '9' } }],
  });
  await createUser(emulator, poolId, 'alice', { UserAttributes: [{ Name: 'email', Value: 'alice@example.com' },
    { Name: 'email_verified', Value: 'true' }, { Name: 'custom:badge', Value: 'A1' }] });
});
test.after(async () => {
  await emulator.close();
});

const update = (UserAttributes: AttributeType[], Username = 'alice') =>
  emulator.client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username, UserAttributes }));
const get = async (Username = 'alice') =>
  (await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }))).UserAttributes!;

test('AdminUpdateUserAttributes: replaces values in place and appends new attributes', async () => {
  const before = await get();
  await update([{ Name: 'given_name', Value: 'Alice' }, { Name: 'custom:level', Value: '3' }]);
  await update([{ Name: 'given_name', Value: 'Ally' }]);
  const after = await get();
  assert.equal(after.slice(0, before.length), before);
  assert.equal(after.slice(before.length), [{ Name: 'given_name', Value: 'Ally' }, { Name: 'custom:level', Value: '3' }]);
});

test('AdminUpdateUserAttributes: a changed email is unverified and stops being an alias', async () => {
  await update([{ Name: 'email', Value: 'new@example.com' }]);
  const attributes = await get();
  assert.is(attr(attributes, 'email'), 'new@example.com');
  assert.is(attr(attributes, 'email_verified'), 'false');
  await assertRejects(get('new@example.com'), 'UserNotFoundException');
  await assertRejects(get('alice@example.com'), 'UserNotFoundException');
  const listed = await emulator.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email = "new@example.com"' }));
  assert.equal(listed.Users!.map((u) => u.Username), ['alice']);
});

test('AdminUpdateUserAttributes: an email verified in the same call stays verified and signs in', async () => {
  await update([{ Name: 'email', Value: 'verified@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  assert.is(attr(await get('verified@example.com'), 'email_verified'), 'true');
});

test('AdminUpdateUserAttributes: an alias another user holds is AliasExistsException', async () => {
  await createUser(emulator, poolId, 'bob');
  await assertRejects(update([{ Name: 'email', Value: 'verified@example.com' }, { Name: 'email_verified', Value: 'true' }], 'bob'),
    'AliasExistsException', 'An account with the given email already exists.');
  await update([{ Name: 'email', Value: 'verified@example.com' }], 'bob');
  assert.is(attr(await get('bob'), 'email_verified'), 'false');
});

test('AdminUpdateUserAttributes: sub, immutable and unknown attributes and bad values are refused', async () => {
  const call = (UserAttributes: object[]) =>
    emulator.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'alice', UserAttributes });
  assertAwsError(await call([{ Name: 'sub', Value: 'x' }]), 'InvalidParameterException', 400, 'user.sub: Attribute cannot be updated.');
  assertAwsError(await call([{ Name: 'custom:badge', Value: 'B2' }]), 'InvalidParameterException', 400,
    'user.custom:badge: Attribute cannot be updated.');
  assertAwsError(await call([{ Name: 'custom:nope', Value: 'x' }]), 'InvalidParameterException', 400,
    'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined');
  assertAwsError(await call([{ Name: 'custom:level', Value: '12' }]), 'InvalidParameterException', 400, /custom:level/);
  assertAwsError(await call([{ Name: 'custom:level', Value: 'high' }]), 'InvalidParameterException', 400, /custom:level/);
  assertAwsError(await call([{ Name: 'birthdate', Value: '1990' }]), 'InvalidParameterException', 400, /birthdate/);
  assert.is(attr(await get(), 'custom:badge'), 'A1');
});

/** A signed-in user with a verified email, in a pool that verifies emails and keeps the old one until then. */
const keepingOldEmail = () => signedIn(emulator, {
  pool: { AutoVerifiedAttributes: ['email'], UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } },
  attributes: [{ Name: 'email', Value: 'old@example.com' }, { Name: 'email_verified', Value: 'true' }],
});

test('AdminUpdateUserAttributes: with AttributesRequireVerificationBeforeUpdate a new email waits for its code', async () => {
  const who = await keepingOldEmail();
  const adminUpdate = (UserAttributes: AttributeType[]) => emulator.client.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: who.poolId, Username: who.username, UserAttributes }));
  const stored = async () => (await emulator.client.send(new AdminGetUserCommand({ UserPoolId: who.poolId, Username: who.username })))
    .UserAttributes;
  await adminUpdate([{ Name: 'email', Value: 'new@example.org' }, { Name: 'name', Value: 'Alice' }]);
  const waiting = await stored();
  assert.is(attr(waiting, 'email'), 'old@example.com');
  assert.is(attr(waiting, 'email_verified'), 'true');
  // The other attributes of the call apply at once.
  assert.is(attr(waiting, 'name'), 'Alice');
  const [sent] = await sentCodes(emulator, who.poolId, who.username);
  assert.is(sent!.kind, 'VERIFY_ATTRIBUTE');
  assert.is(sent!.destination, 'new@example.org');
  await emulator.client.send(new VerifyUserAttributeCommand({ AccessToken: who.tokens.AccessToken, AttributeName: 'email', Code: sent!.code }));
  const verified = await stored();
  assert.is(attr(verified, 'email'), 'new@example.org');
  assert.is(attr(verified, 'email_verified'), 'true');
});

test('AdminUpdateUserAttributes: email_verified true in the same call applies a held email at once, with no code', async () => {
  const who = await keepingOldEmail();
  const adminUpdate = (UserAttributes: AttributeType[]) => emulator.client.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: who.poolId, Username: who.username, UserAttributes }));
  await adminUpdate([{ Name: 'email', Value: 'waiting@example.org' }]);
  const before = (await sentCodes(emulator, who.poolId, who.username)).length;
  await adminUpdate([{ Name: 'email', Value: 'new@example.org' }, { Name: 'email_verified', Value: 'true' }]);
  const { UserAttributes } = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: who.poolId, Username: who.username }));
  assert.is(attr(UserAttributes, 'email'), 'new@example.org');
  assert.is(attr(UserAttributes, 'email_verified'), 'true');
  assert.is((await sentCodes(emulator, who.poolId, who.username)).length, before);
  // The value that was waiting is forgotten: a new code goes to the address set.
  await emulator.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: who.tokens.AccessToken, AttributeName: 'email' }));
  assert.is((await sentCodes(emulator, who.poolId, who.username))[0]!.destination, 'new@example.org');
});

test('AdminUpdateUserAttributes: a new email in a pool that verifies emails gets a code, unless said verified', async () => {
  const who = await signedIn(emulator, { pool: { AutoVerifiedAttributes: ['email'] },
    attributes: [{ Name: 'email', Value: 'old@example.com' }, { Name: 'email_verified', Value: 'true' }] });
  const adminUpdate = (UserAttributes: AttributeType[]) => emulator.client.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: who.poolId, Username: who.username, UserAttributes }));
  await adminUpdate([{ Name: 'email', Value: 'new@example.org' }]);
  const [sent] = await sentCodes(emulator, who.poolId, who.username);
  assert.is(sent!.kind, 'VERIFY_ATTRIBUTE');
  assert.is(sent!.destination, 'new@example.org');
  await adminUpdate([{ Name: 'email', Value: 'other@example.org' }, { Name: 'email_verified', Value: 'true' }]);
  assert.is((await sentCodes(emulator, who.poolId, who.username))[0]!.destination, 'new@example.org');
});

test('AdminUpdateUserAttributes: an unknown user or missing member is an AWS error', async () => {
  assertAwsError(await emulator.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'ghost', UserAttributes: [] }),
    'UserNotFoundException', 404);
  assertAwsError(await emulator.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'alice' }), 'InvalidParameterException',
    400, "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null");
});

test.run();
