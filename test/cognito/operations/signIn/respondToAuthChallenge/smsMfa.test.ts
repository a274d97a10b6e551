import { RespondToAuthChallengeCommand, SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { SMS } from '../../mfa/mfaFixtures.js';
import { changeUser, claims, confirmedUser, PASSWORD, passwordSignIn, setUp, srpStart } from '../signInFixtures.js';

// SMS_MFA: the code texted after a correct password.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const mfaCode = async (poolId: string, username: string) => {
  const { codes } = await (await fetch(`${emulator.url}/_cogniform/codes?userPoolId=${poolId}&username=${username}`)).json();
  assert.is(codes[0].kind, 'MFA');
  return codes[0].code as string;
};

test('RespondToAuthChallenge: SMS_MFA after the password when the pool requires MFA; a wrong code may be retried', async () => {
  const s = await setUp(emulator);
  await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: s.poolId, MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsConfiguration: SMS },
  }));
  await confirmedUser(emulator, s, 'hana', [{ Name: 'phone_number', Value: '+15555551234' }]);
  const { srp, response } = await srpStart(emulator, s, 'hana');
  const challenge = await emulator.client.send(new RespondToAuthChallengeCommand({ ClientId: s.clientId,
    ChallengeName: 'PASSWORD_VERIFIER', Session: response.Session, ChallengeResponses: srp.answer(response.ChallengeParameters!, PASSWORD) }));
  assert.is(challenge.ChallengeName, 'SMS_MFA');
  assert.equal(challenge.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******1234' });
  const code = await mfaCode(s.poolId, 'hana');
  const send = (SMS_MFA_CODE: string) => emulator.client.send(new RespondToAuthChallengeCommand({ ClientId: s.clientId,
    ChallengeName: 'SMS_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'hana', SMS_MFA_CODE } }));
  await assertRejects(send(code === '000000' ? '111111' : '000000'), 'CodeMismatchException', 'Invalid code or auth state for the user.');
  const result = await send(code);
  assert.is(claims(result.AuthenticationResult!.AccessToken).username, 'hana');
  await assertRejects(send(code), 'NotAuthorizedException', 'Invalid session for the user.');
});

test('RespondToAuthChallenge: with optional MFA only users who chose SMS get SMS_MFA', async () => {
  const s = await setUp(emulator);
  await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: s.poolId, MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: { SmsConfiguration: SMS },
  }));
  await confirmedUser(emulator, s, 'ivan', [{ Name: 'phone_number', Value: '+15555550000' }]);
  assert.type((await passwordSignIn(emulator, s.clientId, 'ivan')).AuthenticationResult!.IdToken, 'string');
  await changeUser(emulator, s.poolId, 'ivan', (u) => ({ ...u, UserMFASettingList: ['SMS_MFA'], PreferredMfaSetting: 'SMS_MFA' }));
  const challenge = await passwordSignIn(emulator, s.clientId, 'ivan');
  assert.is(challenge.ChallengeName, 'SMS_MFA');
  const result = await emulator.client.send(new RespondToAuthChallengeCommand({ ClientId: s.clientId, ChallengeName: 'SMS_MFA',
    Session: challenge.Session, ChallengeResponses: { USERNAME: 'ivan', SMS_MFA_CODE: await mfaCode(s.poolId, 'ivan') } }));
  assert.type(result.AuthenticationResult!.AccessToken, 'string');
});

test('RespondToAuthChallenge: after five wrong SMS_MFA codes the sign-in lockout refuses even the right one', async () => {
  const s = await setUp(emulator);
  await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: s.poolId, MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsConfiguration: SMS },
  }));
  await confirmedUser(emulator, s, 'lior', [{ Name: 'phone_number', Value: '+15555551299' }]);
  const challenge = await passwordSignIn(emulator, s.clientId, 'lior');
  const code = await mfaCode(s.poolId, 'lior');
  const send = (SMS_MFA_CODE: string) => emulator.client.send(new RespondToAuthChallengeCommand({ ClientId: s.clientId,
    ChallengeName: 'SMS_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'lior', SMS_MFA_CODE } }));
  const wrong = code === '000000' ? '111111' : '000000';
  for (let i = 0; i < 5; i++) await assertRejects(send(wrong), 'CodeMismatchException', 'Invalid code or auth state for the user.');
  await assertRejects(send(code), 'NotAuthorizedException', 'Password attempts exceeded');
});

test.run();
