import { AssociateSoftwareTokenCommand, GetUserCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { totpCode, totpPoolUser, wrongCode } from './mfaFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('VerifySoftwareToken: a code from the secret succeeds, a code a step old too; TOTP is not yet turned on', async () => {
  const who = await totpPoolUser(emulator);
  const AccessToken = who.tokens.AccessToken!;
  const { SecretCode } = await emulator.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  const result = await emulator.client.send(new VerifySoftwareTokenCommand({
    AccessToken, UserCode: totpCode(SecretCode!, -1), FriendlyDeviceName: 'phone',
  }));
  assert.is(result.Status, 'SUCCESS');
  assert.is(result.Session, undefined);
  const user = await emulator.client.send(new GetUserCommand({ AccessToken }));
  assert.is(user.UserMFASettingList, undefined);
});

test('VerifySoftwareToken: a wrong code is EnableSoftwareTokenMFAException, and the secret can still be verified', async () => {
  const who = await totpPoolUser(emulator);
  const AccessToken = who.tokens.AccessToken!;
  const { SecretCode } = await emulator.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  await assertRejects(emulator.client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: wrongCode(SecretCode!) })),
    'EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
  const result = await emulator.client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCode(SecretCode!) }));
  assert.is(result.Status, 'SUCCESS');
});

test('VerifySoftwareToken: bad input answers AWS errors', async () => {
  const who = await totpPoolUser(emulator);
  const AccessToken = who.tokens.AccessToken!;
  assertAwsError(await emulator.call('VerifySoftwareToken', { AccessToken }), 'InvalidParameterException');
  assertAwsError(await emulator.call('VerifySoftwareToken', { AccessToken, UserCode: '12a456' }), 'InvalidParameterException');
  assertAwsError(await emulator.call('VerifySoftwareToken', { AccessToken, UserCode: '1234567' }), 'InvalidParameterException');
  assertAwsError(await emulator.call('VerifySoftwareToken', { UserCode: '123456' }), 'InvalidParameterException');
  assertAwsError(await emulator.call('VerifySoftwareToken', { AccessToken, UserCode: '123456' }),
    'SoftwareTokenMFANotFoundException', 400, 'Software Token MFA does not exist for the user.');
});

test.run();
