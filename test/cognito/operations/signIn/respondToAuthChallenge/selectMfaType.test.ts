import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { totpCode, totpEnabled, totpPoolUser } from '../../mfa/mfaFixtures.js';
import { passwordSignIn, respondToChallenge } from '../signInFixtures.js';

// SELECT_MFA_TYPE: the user picks a factor when several are enabled and none is preferred.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const respond = (request: Parameters<typeof respondToChallenge>[1]) => respondToChallenge(emulator, request);

test('RespondToAuthChallenge: SELECT_MFA_TYPE when several factors are on and none preferred; the answer leads on', async () => {
  const who = await totpPoolUser(emulator, { attributes: [{ Name: 'phone_number', Value: '+15555550200' }] }, true);
  const { secret } = await totpEnabled(emulator, who, false);
  await emulator.call('SetUserMFAPreference', { AccessToken: who.tokens.AccessToken, SMSMfaSettings: { Enabled: true } });
  const challenge = await passwordSignIn(emulator, who.clientId, who.username);
  assert.is(challenge.ChallengeName, 'SELECT_MFA_TYPE');
  assert.equal(JSON.parse(challenge.ChallengeParameters!.MFAS_CAN_CHOOSE!), ['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
  const select = (ANSWER: string) => respond({ ClientId: who.clientId, ChallengeName: 'SELECT_MFA_TYPE',
    Session: challenge.Session, ChallengeResponses: { USERNAME: who.username, ANSWER } });
  await assertRejects(select('EMAIL_OTP'), 'InvalidParameterException');
  const next = await select('SOFTWARE_TOKEN_MFA');
  assert.is(next.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  await assertRejects(select('SMS_MFA'), 'NotAuthorizedException', 'Invalid session for the user.');
  const result = await respond({ ClientId: who.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: next.Session,
    ChallengeResponses: { USERNAME: who.username, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, 1) } });
  assert.type(result.AuthenticationResult!.AccessToken, 'string');
});

test.run();
