import { AdminGetUserCommand, AdminSetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { totpPoolUser } from './mfaFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('AdminSetUserMFAPreference: turns SMS on and preferred for a user with a phone number; AdminGetUser shows it', async () => {
  const who = await totpPoolUser(emulator, { attributes: [{ Name: 'phone_number', Value: '+15555550102' }] }, true);
  await emulator.client.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: who.poolId, Username: who.username, SMSMfaSettings: { Enabled: true, PreferredMfa: true },
  }));
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: who.poolId, Username: who.username }));
  assert.equal(user.UserMFASettingList, ['SMS_MFA']);
  assert.is(user.PreferredMfaSetting, 'SMS_MFA');
});

test('AdminSetUserMFAPreference: a factor the user cannot receive is refused', async () => {
  const who = await totpPoolUser(emulator, {}, true);
  await assertRejects(emulator.client.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: who.poolId, Username: who.username, SMSMfaSettings: { Enabled: true },
  })), 'InvalidParameterException', 'User does not have delivery config set to turn on SMS_MFA');
});

test('AdminSetUserMFAPreference: bad input answers AWS errors', async () => {
  const who = await totpPoolUser(emulator);
  assertAwsError(await emulator.call('AdminSetUserMFAPreference', { UserPoolId: who.poolId }), 'InvalidParameterException');
  assertAwsError(await emulator.call('AdminSetUserMFAPreference', { UserPoolId: 'bad', Username: 'x' }), 'InvalidParameterException');
  assertAwsError(await emulator.call('AdminSetUserMFAPreference', { UserPoolId: who.poolId, Username: 'nobody' }),
    'UserNotFoundException', 404, 'User does not exist.');
});

test.run();
