import { AdminGetUserCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyPassword } from '../../../../src/cognito/auth/srp.js';
import { users } from '../../../../src/cognito/model/user.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { attr, capturingLog } from '../users/userFixtures.js';
import { codesFor, PASSWORD, poolWithClient, secretHash, signUp } from './signUpFixtures.js';

const log = capturingLog();
let emulator: TestEmulator;
let poolId: string;
let clientId: string;
test.before(async () => {
  emulator = await startTestEmulator({ log });
  ({ poolId, clientId } = await poolWithClient(emulator));
});
test.after(async () => {
  await emulator.close();
});

const call = (request: object) => emulator.call('SignUp', { ClientId: clientId, Password: PASSWORD, ...request });

test('SignUp: creates an UNCONFIRMED user with a sub and sends a code to the auto-verified email', async () => {
  const result = await signUp(emulator, clientId, 'alice');
  assert.is(result.UserConfirmed, false);
  assert.match(result.UserSub!, /^[0-9a-f-]{36}$/);
  assert.equal(result.CodeDeliveryDetails, { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(user.UserStatus, 'UNCONFIRMED');
  assert.is(attr(user.UserAttributes, 'sub'), result.UserSub);
  assert.is(attr(user.UserAttributes, 'email'), 'alice@example.com');
  const [sent] = await codesFor(emulator, poolId, 'alice');
  assert.is(sent!.kind, 'SIGN_UP');
  assert.is(sent!.destination, 'alice@example.com');
  assert.match(sent!.code, /^[0-9]{6}$/);
  assert.ok(log.lines.includes(`Confirmation code for alice in ${poolId}: ${sent!.code}`));
});

test('SignUp: stores a permanent verifier of the password and counts the user', async () => {
  const { poolId: id, clientId: client } = await poolWithClient(emulator);
  await signUp(emulator, client, 'bob');
  const record = await emulator.store.table(users).get([id, 'bob']);
  assert.is(record!.password!.temporary, false);
  assert.ok(await verifyPassword(record!.password!, id, PASSWORD));
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
  assert.is(UserPool!.EstimatedNumberOfUsers, 1);
});

test('SignUp: without auto-verified attributes sends nothing and answers no delivery', async () => {
  const { poolId: id, clientId: client } = await poolWithClient(emulator, { AutoVerifiedAttributes: [] });
  const result = await signUp(emulator, client, 'carol');
  assert.is(result.UserConfirmed, false);
  assert.is(result.CodeDeliveryDetails, undefined);
  assert.equal(await codesFor(emulator, id, 'carol'), []);
});

test('SignUp: with email and phone auto-verified the code goes by SMS, masked but for the last four digits', async () => {
  const { poolId: id, clientId: client } = await poolWithClient(emulator, { AutoVerifiedAttributes: ['email', 'phone_number'] });
  const result = await signUp(emulator, client, 'dave', {
    UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }, { Name: 'phone_number', Value: '+15555550123' }],
  });
  assert.equal(result.CodeDeliveryDetails, { Destination: '+*******0123', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
  assert.is((await codesFor(emulator, id, 'dave'))[0]!.destination, '+15555550123');
});

test('SignUp: with UsernameAttributes the email is the username and the Username is the sub', async () => {
  const { poolId: id, clientId: client } = await poolWithClient(emulator, { UsernameAttributes: ['email'] });
  const result = await signUp(emulator, client, 'erin@example.com', { UserAttributes: [] });
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: 'erin@example.com' }));
  assert.is(user.Username, result.UserSub);
  assert.is(attr(user.UserAttributes, 'email'), 'erin@example.com');
  await assertRejects(signUp(emulator, client, 'erin@example.com', { UserAttributes: [] }), 'UsernameExistsException',
    'An account with the given email already exists.');
});

test('SignUp: a taken username is UsernameExistsException "User already exists"', async () => {
  await signUp(emulator, clientId, 'frank');
  assertAwsError(await call({ Username: 'frank' }), 'UsernameExistsException', 400, 'User already exists');
});

test('SignUp: a password against the policy is InvalidPasswordException', async () => {
  assertAwsError(await call({ Username: 'weak', Password: 'password' }), 'InvalidPasswordException', 400,
    'Password did not conform with policy: Password must have uppercase characters');
});

test('SignUp: required attributes must be given; unknown ones are refused', async () => {
  const { clientId: client } = await poolWithClient(emulator, { Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true }] });
  assertAwsError(await emulator.call('SignUp', { ClientId: client, Username: 'gina', Password: PASSWORD }),
    'InvalidParameterException', 400, 'Attributes did not conform to the schema: email: The attribute is required');
  assertAwsError(await call({ Username: 'gina', UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] }),
    'InvalidParameterException', 400, 'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined');
});

test('SignUp: a pool that only lets admins create users refuses it', async () => {
  const { clientId: client } = await poolWithClient(emulator, { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
  assertAwsError(await emulator.call('SignUp', { ClientId: client, Username: 'hal', Password: PASSWORD }),
    'NotAuthorizedException', 403, 'SignUp is not permitted for this user pool');
});

test('SignUp: a client with a secret needs the right SecretHash', async () => {
  const { clientId: client, clientSecret } = await poolWithClient(emulator, {}, { GenerateSecret: true });
  const request = { ClientId: client, Username: 'ivy', Password: PASSWORD };
  assertAwsError(await emulator.call('SignUp', request), 'NotAuthorizedException', 403,
    `Client ${client} is configured for secret but secret was not received`);
  assertAwsError(await emulator.call('SignUp', { ...request, SecretHash: secretHash('wrong', 'ivy', client) }),
    'NotAuthorizedException', 403, `Unable to verify secret hash for client ${client}`);
  const ok = await emulator.call('SignUp', { ...request, SecretHash: secretHash(clientSecret!, 'ivy', client) });
  assert.is(ok.status, 200);
});

test('SignUp: bad input is AWS validation errors; an unknown client is ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('SignUp', { Username: 'x', Password: PASSWORD }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null");
  assertAwsError(await call({ Username: 'x y' }), 'InvalidParameterException', 400,
    /at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await call({ Username: 'nopass', Password: undefined }), 'InvalidParameterException', 400,
    /Value null at 'password'/);
  assertAwsError(await emulator.call('SignUp', { ClientId: 'nosuchclient', Username: 'x', Password: PASSWORD }),
    'ResourceNotFoundException', 404, 'User pool client nosuchclient does not exist.');
  assertAwsError(await call({ Username: 42 }), 'SerializationException');
});

test.run();
