import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyPassword } from '../../../../src/cognito/auth/srp.js';
import { checkPassword } from '../../../../src/cognito/auth/passwordPolicy.js';
import { users } from '../../../../src/cognito/model/user.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool, putUser } from '../../../helpers/fixtures.js';
import { attr, capturingLog, createUser, TEMP_PASSWORD } from './userFixtures.js';

const log = capturingLog();
let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator({ log });
  poolId = await createPool(emulator, {
    Schema: [{ Name: 'tenant', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '5' } },
      { Name: 'badge', AttributeDataType: 'String', Mutable: false }],
  });
});
test.after(async () => {
  await emulator.close();
});

const create = (request: object) => emulator.call('AdminCreateUser', { UserPoolId: poolId, ...request });
const stored = (id: string, username: string) => emulator.store.table(users).get([id, username]);
const codesFor = async (id: string, username: string) =>
  (await (await fetch(`${emulator.url}/_cogniform/codes?userPoolId=${id}&username=${encodeURIComponent(username)}`)).json()).codes;

test('AdminCreateUser: answers the new user in FORCE_CHANGE_PASSWORD, sub first', async () => {
  const result = await create({ Username: 'alice', TemporaryPassword: TEMP_PASSWORD, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'custom:tenant', Value: 'acme' }] });
  assert.is(result.status, 200);
  const user = result.body.User;
  assert.equal(Object.keys(user).sort(), ['Attributes', 'Enabled', 'UserCreateDate', 'UserLastModifiedDate', 'UserStatus', 'Username']);
  assert.is(user.Username, 'alice');
  assert.is(user.UserStatus, 'FORCE_CHANGE_PASSWORD');
  assert.is(user.Enabled, true);
  assert.is(user.Attributes[0].Name, 'sub');
  assert.match(user.Attributes[0].Value, /^[0-9a-f-]{36}$/);
  assert.equal(user.Attributes.slice(1), [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'custom:tenant', Value: 'acme' }]);
  assert.type(user.UserCreateDate, 'number');
  assert.is(user.UserLastModifiedDate, user.UserCreateDate);
});

test('AdminCreateUser: stores a temporary SRP verifier of the password, never the password', async () => {
  await createUser(emulator, poolId, 'verifier');
  const record = await stored(poolId, 'verifier');
  assert.is(record!.password!.temporary, true);
  assert.is(record!.password!.userIdForSrp, 'verifier');
  assert.ok(await verifyPassword(record!.password!, poolId, TEMP_PASSWORD));
  assert.not.ok(JSON.stringify(record).includes(TEMP_PASSWORD));
});

test('AdminCreateUser: counts the user in EstimatedNumberOfUsers', async () => {
  const id = await createPool(emulator);
  await createUser(emulator, id, 'one');
  await createUser(emulator, id, 'two');
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
  assert.is(UserPool!.EstimatedNumberOfUsers, 2);
});

test('AdminCreateUser: without a password generates one that meets the policy and sends it', async () => {
  const { User } = await emulator.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'invited',
    UserAttributes: [{ Name: 'email', Value: 'invited@example.com' }], DesiredDeliveryMediums: ['EMAIL'] }));
  const [sent] = await codesFor(poolId, 'invited');
  assert.is(sent.kind, 'TEMPORARY_PASSWORD');
  assert.is(sent.destination, 'invited@example.com');
  checkPassword(undefined, sent.code);
  assert.ok(log.lines.includes(`Temporary password for invited in ${poolId}: ${sent.code}`));
  assert.ok(await verifyPassword((await stored(poolId, 'invited'))!.password!, poolId, sent.code));
  assert.is(User!.UserStatus, 'FORCE_CHANGE_PASSWORD');
});

test('AdminCreateUser: sends to each medium asked for, by SMS when none is named', async () => {
  await create({ Username: 'both', TemporaryPassword: TEMP_PASSWORD, DesiredDeliveryMediums: ['EMAIL', 'SMS'],
    UserAttributes: [{ Name: 'email', Value: 'both@example.com' }, { Name: 'phone_number', Value: '+15555550100' }] });
  const sent = await codesFor(poolId, 'both');
  assert.equal(sent.map((c: { destination: string }) => c.destination).sort(), ['+15555550100', 'both@example.com']);
  await create({ Username: 'texted', TemporaryPassword: TEMP_PASSWORD,
    UserAttributes: [{ Name: 'email', Value: 'texted@example.com' }, { Name: 'phone_number', Value: '+15555550101' }] });
  assert.equal((await codesFor(poolId, 'texted')).map((c: { destination: string }) => c.destination), ['+15555550101']);
});

test('AdminCreateUser: MessageAction SUPPRESS sends nothing', async () => {
  await createUser(emulator, poolId, 'quiet', { UserAttributes: [{ Name: 'email', Value: 'quiet@example.com' }] });
  assert.equal(await codesFor(poolId, 'quiet'), []);
});

test('AdminCreateUser: a temporary password against the policy is InvalidPasswordException', async () => {
  assertAwsError(await create({ Username: 'weak', TemporaryPassword: 'password1' }), 'InvalidPasswordException', 400,
    'Password did not conform with policy: Password must have uppercase characters');
  assertAwsError(await create({ Username: 'weak', TemporaryPassword: ' Passw0rd! ' }), 'InvalidParameterException', 400,
    /temporaryPassword' failed to satisfy constraint: Member must satisfy regular expression pattern/);
});

test('AdminCreateUser: a taken username is UsernameExistsException; case matters unless the pool says not', async () => {
  await createUser(emulator, poolId, 'taken');
  await assertRejects(createUser(emulator, poolId, 'taken'), 'UsernameExistsException', 'User account already exists');
  await createUser(emulator, poolId, 'Taken');
  const relaxed = await createPool(emulator, { UsernameConfiguration: { CaseSensitive: false } });
  await createUser(emulator, relaxed, 'Bob');
  await assertRejects(createUser(emulator, relaxed, 'bob'), 'UsernameExistsException');
  const { Username } = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: relaxed, Username: 'BOB' }));
  assert.is(Username, 'Bob');
});

test('AdminCreateUser: with UsernameAttributes the email becomes the attribute and the username is the sub', async () => {
  const id = await createPool(emulator, { UsernameAttributes: ['email'] });
  const result = await create({ UserPoolId: id, Username: 'carol@example.com', TemporaryPassword: TEMP_PASSWORD, MessageAction: 'SUPPRESS' });
  const user = result.body.User;
  assert.is(user.Username, attr(user.Attributes, 'sub'));
  assert.is(attr(user.Attributes, 'email'), 'carol@example.com');
  assert.is((await stored(id, user.Username))!.password!.userIdForSrp, user.Username);
  const found = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: 'carol@example.com' }));
  assert.is(found.Username, user.Username);
  assertAwsError(await create({ UserPoolId: id, Username: 'carol@example.com', MessageAction: 'SUPPRESS' }),
    'UsernameExistsException', 400, 'An account with the given email already exists.');
  assertAwsError(await create({ UserPoolId: id, Username: 'carol' }), 'InvalidParameterException', 400, 'Username should be an email.');
  const either = await createPool(emulator, { UsernameAttributes: ['email', 'phone_number'] });
  const byPhone = await create({ UserPoolId: either, Username: '+15555550102', MessageAction: 'SUPPRESS' });
  assert.is(attr(byPhone.body.User.Attributes, 'phone_number'), '+15555550102');
  assertAwsError(await create({ UserPoolId: either, Username: 'dave' }), 'InvalidParameterException', 400,
    'Username should be either an email or a phone number.');
});

test('AdminCreateUser: with AliasAttributes a verified alias is unique unless ForceAliasCreation moves it', async () => {
  const id = await createPool(emulator, { AliasAttributes: ['email'] });
  assertAwsError(await create({ UserPoolId: id, Username: 'erin@example.com' }), 'InvalidParameterException', 400,
    'Username cannot be of email format, since user pool is configured for email alias.');
  const verified = [{ Name: 'email', Value: 'erin@example.com' }, { Name: 'email_verified', Value: 'true' }];
  await createUser(emulator, id, 'erin', { UserAttributes: verified });
  await createUser(emulator, id, 'unverified', { UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }] });
  await assertRejects(createUser(emulator, id, 'frank', { UserAttributes: verified }), 'AliasExistsException',
    'An account with the given email already exists.');
  await createUser(emulator, id, 'frank', { UserAttributes: verified, ForceAliasCreation: true });
  const byAlias = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: 'erin@example.com' }));
  assert.is(byAlias.Username, 'frank');
  const erin = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: 'erin' }));
  assert.is(attr(erin.UserAttributes, 'email_verified'), 'false');
});

test('AdminCreateUser: attributes are checked against the pool schema', async () => {
  const attempt = (UserAttributes: object[]) => create({ Username: 'schema', MessageAction: 'SUPPRESS', UserAttributes });
  assertAwsError(await attempt([{ Name: 'custom:nope', Value: 'x' }, { Name: 'shoe_size', Value: '9' }]), 'InvalidParameterException', 400,
    'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined\n' +
    'Type for attribute {shoe_size} could not be determined');
  assertAwsError(await attempt([{ Name: 'sub', Value: 'mine' }]), 'InvalidParameterException', 400, 'user.sub: Attribute cannot be updated.');
  assertAwsError(await attempt([{ Name: 'email', Value: 'not-an-email' }]), 'InvalidParameterException', 400, 'Invalid email address format.');
  assertAwsError(await attempt([{ Name: 'phone_number', Value: '555-0100' }]), 'InvalidParameterException', 400, 'Invalid phone number format.');
  assertAwsError(await attempt([{ Name: 'email_verified', Value: 'yes' }]), 'InvalidParameterException', 400, /email_verified/);
  assertAwsError(await attempt([{ Name: 'custom:tenant', Value: 'toolong' }]), 'InvalidParameterException', 400, /custom:tenant/);
  assertAwsError(await attempt([{ Name: 'x'.repeat(33), Value: 'v' }]), 'InvalidParameterException', 400,
    /userAttributes.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 32/);
  const ok = await attempt([{ Name: 'email_verified', Value: 'TRUE' }, { Name: 'custom:badge', Value: '7' }]);
  assert.equal(ok.body.User.Attributes.slice(1), [{ Name: 'email_verified', Value: 'true' }, { Name: 'custom:badge', Value: '7' }]);
});

test('AdminCreateUser: MessageAction RESEND sends a new temporary password to a user who has not signed in', async () => {
  await createUser(emulator, poolId, 'again', { UserAttributes: [{ Name: 'email', Value: 'again@example.com' }] });
  const before = (await stored(poolId, 'again'))!.password!;
  const result = await create({ Username: 'again', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
  assert.is(result.body.User.Username, 'again');
  const [sent] = await codesFor(poolId, 'again');
  assert.is(sent.destination, 'again@example.com');
  const after = (await stored(poolId, 'again'))!.password!;
  assert.ok(await verifyPassword(after, poolId, sent.code));
  assert.not.ok(await verifyPassword(after, poolId, TEMP_PASSWORD));
  assert.ok(await verifyPassword(before, poolId, TEMP_PASSWORD));
});

test('AdminCreateUser: RESEND for an unknown user or one past FORCE_CHANGE_PASSWORD is refused', async () => {
  assertAwsError(await create({ Username: 'ghost', MessageAction: 'RESEND' }), 'UserNotFoundException', 404, 'User does not exist.');
  await putUser(emulator, poolId, 'confirmed');
  assertAwsError(await create({ Username: 'confirmed', MessageAction: 'RESEND' }), 'UnsupportedUserStateException', 400,
    'Resend not possible. confirmed status is not FORCE_CHANGE_PASSWORD');
});

test('AdminCreateUser: bad input is an AWS error, never a 500', async () => {
  assertAwsError(await create({ UserPoolId: 'us-east-1_missing1', Username: 'x' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_missing1 does not exist.');
  assertAwsError(await create({}), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
  assertAwsError(await create({ Username: 'x', MessageAction: 'SHOUT' }), 'InvalidParameterException', 400,
    "1 validation error detected: Value 'SHOUT' at 'messageAction' failed to satisfy constraint: " +
      'Member must satisfy enum value set: [RESEND, SUPPRESS]');
  assertAwsError(await create({ Username: 'x'.repeat(129) }), 'InvalidParameterException', 400,
    "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128");
  assertAwsError(await create({ Username: 'x', UserAttributes: [{ Value: 'v' }] }), 'InvalidParameterException', 400,
    /'userAttributes.1.member.name' failed to satisfy constraint: Member must not be null/);
  assertAwsError(await create({ Username: 'x', UserAttributes: 'email' }), 'SerializationException');
});

test.run();
