import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { setPoolMfa, SMS } from '../../mfa/mfaFixtures.js';
import { confirmedUser, passwordSignIn, respondToChallenge, setUp } from '../signInFixtures.js';

// EMAIL_OTP: the code emailed after a correct password.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const respond = (request: Parameters<typeof respondToChallenge>[1]) => respondToChallenge(emulator, request);

test('RespondToAuthChallenge: EMAIL_OTP when the pool requires MFA by email; the code comes to the inbox', async () => {
  const s = await setUp(emulator, { EmailConfiguration: {
    EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/example.com', From: 'no-reply@example.com',
  } });
  await confirmedUser(emulator, s, 'noa', [{ Name: 'email', Value: 'noa@example.com' }]);
  await setPoolMfa(emulator, s.poolId, { MfaConfiguration: 'ON', EmailMfaConfiguration: {}, SmsMfaConfiguration: { SmsConfiguration: SMS } });
  const challenge = await passwordSignIn(emulator, s.clientId, 'noa');
  assert.is(challenge.ChallengeName, 'EMAIL_OTP');
  assert.equal(challenge.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'n***@e***' });
  const { codes } = await (await fetch(`${emulator.url}/_cogniform/codes?userPoolId=${s.poolId}&username=noa`)).json();
  assert.is(codes[0].kind, 'MFA');
  assert.equal(codes[0].destination, 'noa@example.com');
  const result = await respond({ ClientId: s.clientId, ChallengeName: 'EMAIL_OTP', Session: challenge.Session,
    ChallengeResponses: { USERNAME: 'noa', EMAIL_OTP_CODE: codes[0].code } });
  assert.type(result.AuthenticationResult!.AccessToken, 'string');
});

test.run();
