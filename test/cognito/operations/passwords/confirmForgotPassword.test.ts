import { AdminGetUserCommand, ConfirmForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyPassword } from '../../../../src/cognito/auth/srp.js';
import { users } from '../../../../src/cognito/model/user.js';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { lastCode, movableClock, poolWithClient } from '../signUp/signUpFixtures.js';
import { NEW_PASSWORD, verifiedUser } from './passwordFixtures.js';

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

const forgot = (Username: string) => emulator.call('ForgotPassword', { ClientId: clientId, Username });
const confirm = (Username: string, ConfirmationCode: string, Password = NEW_PASSWORD) =>
  emulator.call('ConfirmForgotPassword', { ClientId: clientId, Username, ConfirmationCode, Password });
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

test('ConfirmForgotPassword: the code sets a permanent new password and the user is CONFIRMED', async () => {
  await verifiedUser(emulator, poolId, 'alice');
  await forgot('alice');
  await emulator.client.send(new ConfirmForgotPasswordCommand({
    ClientId: clientId, Username: 'alice', ConfirmationCode: await lastCode(emulator, poolId, 'alice'), Password: NEW_PASSWORD,
  }));
  const record = await emulator.store.table(users).get([poolId, 'alice']);
  assert.ok(await verifyPassword(record!.password!, poolId, NEW_PASSWORD));
  assert.is(record!.password!.temporary, false);
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(user.UserStatus, 'CONFIRMED');
});

test('ConfirmForgotPassword: a code works once; a new password against the policy is refused', async () => {
  await verifiedUser(emulator, poolId, 'bob');
  await forgot('bob');
  const code = await lastCode(emulator, poolId, 'bob');
  assertAwsError(await confirm('bob', code, 'short'), 'InvalidPasswordException', 400,
    'Password did not conform with policy: Password not long enough');
  assert.is((await confirm('bob', code)).status, 200);
  assertAwsError(await confirm('bob', code), 'CodeMismatchException', 400, 'Invalid verification code provided, please try again.');
});

test('ConfirmForgotPassword: the code expires after one hour', async () => {
  await verifiedUser(emulator, poolId, 'carol');
  await forgot('carol');
  const code = await lastCode(emulator, poolId, 'carol');
  clock.advance(3_600_000);
  assertAwsError(await confirm('carol', code), 'ExpiredCodeException', 400, 'Invalid code provided, please request a code again.');
});

test('ConfirmForgotPassword: wrong codes count; after five the code is refused with LimitExceededException', async () => {
  await verifiedUser(emulator, poolId, 'dave');
  await forgot('dave');
  const code = await lastCode(emulator, poolId, 'dave');
  for (let i = 0; i < 5; i++) assertAwsError(await confirm('dave', wrong(code)), 'CodeMismatchException');
  assertAwsError(await confirm('dave', code), 'LimitExceededException', 400, 'Attempt limit exceeded, please try after some time.');
  await forgot('dave');
  assert.is((await confirm('dave', await lastCode(emulator, poolId, 'dave'))).status, 200);
});

test('ConfirmForgotPassword: an unknown user is UserNotFoundException; bad input InvalidParameterException', async () => {
  assertAwsError(await confirm('nobody', '123456'), 'UserNotFoundException', 404, 'Username/client id combination not found.');
  assertAwsError(await confirm('alice', '123456', ' spaced out '), 'InvalidParameterException', 400,
    /at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('ConfirmForgotPassword', { ClientId: clientId, Username: 'alice', Password: NEW_PASSWORD }),
    'InvalidParameterException', 400, /Value null at 'confirmationCode'/);
});

test.run();
