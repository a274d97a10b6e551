import { AdminGetUserCommand, ConfirmSignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { attr } from '../users/userFixtures.js';
import { lastCode, movableClock, poolWithClient, signUp } from './signUpFixtures.js';

const clock = movableClock();
let emulator: TestEmulator;
let poolId: string;
let clientId: string;
test.before(async () => {
  emulator = await startTestEmulator({ clock });
  ({ poolId, clientId } = await poolWithClient(emulator));
});
test.after(async () => {
  await emulator.close();
});

const confirm = (Username: string, ConfirmationCode: string, client = clientId) =>
  emulator.call('ConfirmSignUp', { ClientId: client, Username, ConfirmationCode });
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

test('ConfirmSignUp: the code sent confirms the user and verifies the email it went to', async () => {
  await signUp(emulator, clientId, 'alice');
  const result = await emulator.client.send(new ConfirmSignUpCommand({
    ClientId: clientId, Username: 'alice', ConfirmationCode: await lastCode(emulator, poolId, 'alice'),
  }));
  assert.not.ok(result.Session);
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(user.UserStatus, 'CONFIRMED');
  assert.is(attr(user.UserAttributes, 'email_verified'), 'true');
});

test('ConfirmSignUp: a code is single use; a confirmed user cannot be confirmed again', async () => {
  await signUp(emulator, clientId, 'bob');
  const code = await lastCode(emulator, poolId, 'bob');
  assert.is((await confirm('bob', code)).status, 200);
  assertAwsError(await confirm('bob', code), 'NotAuthorizedException', 403, 'User cannot be confirmed. Current status is CONFIRMED');
});

test('ConfirmSignUp: a wrong code is CodeMismatchException; too many are LimitExceededException', async () => {
  await signUp(emulator, clientId, 'carol');
  const code = await lastCode(emulator, poolId, 'carol');
  for (let i = 0; i < 5; i++) {
    assertAwsError(await confirm('carol', wrong(code)), 'CodeMismatchException', 400,
      'Invalid verification code provided, please try again.');
  }
  assertAwsError(await confirm('carol', code), 'LimitExceededException', 400, 'Attempt limit exceeded, please try after some time.');
});

test('ConfirmSignUp: a code past 24 hours is ExpiredCodeException', async () => {
  await signUp(emulator, clientId, 'dave');
  const code = await lastCode(emulator, poolId, 'dave');
  clock.advance(24 * 3_600_000 - 1);
  await signUp(emulator, clientId, 'erin');
  clock.advance(1);
  assertAwsError(await confirm('dave', code), 'ExpiredCodeException', 400, 'Invalid code provided, please request a code again.');
  assert.is((await confirm('erin', await lastCode(emulator, poolId, 'erin'))).status, 200);
});

test('ConfirmSignUp: an email alias another user holds needs ForceAliasCreation, which moves it', async () => {
  const { poolId: id, clientId: client } = await poolWithClient(emulator, { AliasAttributes: ['email'] });
  const shared = [{ Name: 'email', Value: 'shared@example.com' }];
  await signUp(emulator, client, 'first', { UserAttributes: shared });
  await confirm('first', await lastCode(emulator, id, 'first'), client);
  await signUp(emulator, client, 'second', { UserAttributes: shared });
  const code = await lastCode(emulator, id, 'second');
  assertAwsError(await confirm('second', code, client), 'AliasExistsException', 400, 'An account with the given email already exists.');
  await emulator.client.send(new ConfirmSignUpCommand({ ClientId: client, Username: 'second', ConfirmationCode: code, ForceAliasCreation: true }));
  const byAlias = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: 'shared@example.com' }));
  assert.is(byAlias.Username, 'second');
  const first = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: 'first' }));
  assert.is(attr(first.UserAttributes, 'email_verified'), 'false');
});

test('ConfirmSignUp: an unknown user is UserNotFoundException, or a wrong code when the client hides users', async () => {
  assertAwsError(await confirm('nobody', '123456'), 'UserNotFoundException', 404, 'Username/client id combination not found.');
  const { clientId: hiding } = await poolWithClient(emulator, {}, { PreventUserExistenceErrors: 'ENABLED' });
  assertAwsError(await confirm('nobody', '123456', hiding), 'CodeMismatchException');
});

test('ConfirmSignUp: bad input is InvalidParameterException', async () => {
  assertAwsError(await confirm('alice', ''), 'InvalidParameterException', 400,
    /at 'confirmationCode' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  assertAwsError(await emulator.call('ConfirmSignUp', { ClientId: clientId, Username: 'alice' }), 'InvalidParameterException', 400,
    /Value null at 'confirmationCode'/);
  await assertRejects(emulator.client.send(new ConfirmSignUpCommand({ ClientId: 'nosuchclient', Username: 'a', ConfirmationCode: '1' })),
    'ResourceNotFoundException');
});

test.run();
