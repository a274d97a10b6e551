import { AdminGetUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyPassword } from '../../../../src/cognito/auth/srp.js';
import { users } from '../../../../src/cognito/model/user.js';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { poolWithClient, signUp } from '../signUp/signUpFixtures.js';
import { NEW_PASSWORD, verifiedUser } from './passwordFixtures.js';

let emulator: TestEmulator;
let poolId: string;
let clientId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ({ poolId, clientId } = await poolWithClient(emulator));
});
test.after(async () => {
  await emulator.close();
});

const status = async (Username: string) =>
  (await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }))).UserStatus;

test('AdminSetUserPassword: Permanent sets the password and confirms the user, even an UNCONFIRMED one', async () => {
  await signUp(emulator, clientId, 'alice');
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: NEW_PASSWORD, Permanent: true }));
  assert.is(await status('alice'), 'CONFIRMED');
  const record = await emulator.store.table(users).get([poolId, 'alice']);
  assert.ok(await verifyPassword(record!.password!, poolId, NEW_PASSWORD));
  assert.is(record!.password!.temporary, false);
});

test('AdminSetUserPassword: not permanent makes a temporary password and FORCE_CHANGE_PASSWORD', async () => {
  await verifiedUser(emulator, poolId, 'bob');
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob', Password: NEW_PASSWORD, Permanent: true }));
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob', Password: NEW_PASSWORD }));
  assert.is(await status('bob'), 'FORCE_CHANGE_PASSWORD');
  assert.is((await emulator.store.table(users).get([poolId, 'bob']))!.password!.temporary, true);
});

test('AdminSetUserPassword: a weak password, an unknown user and bad input are AWS errors', async () => {
  const call = (request: object) => emulator.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'bob', Password: NEW_PASSWORD, ...request });
  assertAwsError(await call({ Password: 'nouppercase1!' }), 'InvalidPasswordException', 400,
    'Password did not conform with policy: Password must have uppercase characters');
  assertAwsError(await call({ Username: 'nobody' }), 'UserNotFoundException', 404, 'User does not exist.');
  assertAwsError(await call({ Password: undefined }), 'InvalidParameterException', 400, /Value null at 'password'/);
  assertAwsError(await call({ Permanent: 'yes' }), 'SerializationException');
});

test.run();
