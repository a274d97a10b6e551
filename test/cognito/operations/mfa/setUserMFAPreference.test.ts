import {
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  SetUserMFAPreferenceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { totpEnabled, totpPoolUser, verifiedToken } from './mfaFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const prefer = (AccessToken: string, settings: Omit<ConstructorParameters<typeof SetUserMFAPreferenceCommand>[0], 'AccessToken'>) =>
  emulator.client.send(new SetUserMFAPreferenceCommand({ AccessToken, ...settings }));

test('SetUserMFAPreference: TOTP cannot be turned on before an authenticator is associated and verified', async () => {
  const who = await totpPoolUser(emulator);
  const AccessToken = who.tokens.AccessToken!;
  await assertRejects(prefer(AccessToken, { SoftwareTokenMfaSettings: { Enabled: true } }), 'InvalidParameterException',
    'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA');
  await emulator.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  await assertRejects(prefer(AccessToken, { SoftwareTokenMfaSettings: { Enabled: true } }), 'InvalidParameterException',
    'User has not verified software token mfa');
});

test('SetUserMFAPreference: factors turned on and the preferred one show in GetUser; turning it off clears both', async () => {
  const who = await totpPoolUser(emulator, { attributes: [{ Name: 'phone_number', Value: '+15555550100' }] }, true);
  const AccessToken = who.tokens.AccessToken!;
  await verifiedToken(emulator, who);
  await prefer(AccessToken, { SMSMfaSettings: { Enabled: true }, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
  let user = await emulator.client.send(new GetUserCommand({ AccessToken }));
  assert.equal(user.UserMFASettingList, ['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
  assert.is(user.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');
  await prefer(AccessToken, { SoftwareTokenMfaSettings: { Enabled: false } });
  user = await emulator.client.send(new GetUserCommand({ AccessToken }));
  assert.equal(user.UserMFASettingList, ['SMS_MFA']);
  assert.is(user.PreferredMfaSetting, undefined);
});

test('SetUserMFAPreference: only one factor can be preferred, and only one that is on', async () => {
  const who = await totpPoolUser(emulator, { attributes: [{ Name: 'phone_number', Value: '+15555550101' }] }, true);
  await totpEnabled(emulator, who);
  const AccessToken = who.tokens.AccessToken!;
  await assertRejects(prefer(AccessToken, { SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    SoftwareTokenMfaSettings: { PreferredMfa: true } }), 'InvalidParameterException');
  await assertRejects(prefer(AccessToken, { SMSMfaSettings: { Enabled: false, PreferredMfa: true } }), 'InvalidParameterException');
});

test('SetUserMFAPreference: bad input answers AWS errors', async () => {
  assertAwsError(await emulator.call('SetUserMFAPreference', {}), 'InvalidParameterException');
  assertAwsError(await emulator.call('SetUserMFAPreference', { AccessToken: 'not a token!' }), 'InvalidParameterException');
  assertAwsError(await emulator.call('SetUserMFAPreference', { AccessToken: 'abc.def.ghi', SMSMfaSettings: { Enabled: true } }),
    'NotAuthorizedException', 403);
  assertAwsError(await emulator.call('SetUserMFAPreference', { AccessToken: 'abc', SMSMfaSettings: { Enabled: 'yes' } }),
    'SerializationException');
});

test.run();
