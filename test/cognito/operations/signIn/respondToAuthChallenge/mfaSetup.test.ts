import { AssociateSoftwareTokenCommand, GetUserCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { setPoolMfa, totpCode, wrongCode } from '../../mfa/mfaFixtures.js';
import { confirmedUser, passwordSignIn, respondToChallenge, setUp } from '../signInFixtures.js';

// MFA_SETUP: MFA is required and the user has no factor yet, so one is enrolled within the sign-in.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const respond = (request: Parameters<typeof respondToChallenge>[1]) => respondToChallenge(emulator, request);

test('RespondToAuthChallenge: MFA_SETUP when MFA is required and the user has no factor, through Associate and Verify', async () => {
  const s = await setUp(emulator);
  await confirmedUser(emulator, s, 'mia');
  await setPoolMfa(emulator, s.poolId, { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
  const challenge = await passwordSignIn(emulator, s.clientId, 'mia');
  assert.is(challenge.ChallengeName, 'MFA_SETUP');
  assert.equal(JSON.parse(challenge.ChallengeParameters!.MFAS_CAN_SETUP!), ['SOFTWARE_TOKEN_MFA']);
  const early = { ClientId: s.clientId, ChallengeName: 'MFA_SETUP', Session: challenge.Session, ChallengeResponses: { USERNAME: 'mia' } };
  await assertRejects(respond(early), 'SoftwareTokenMFANotFoundException');
  const associated = await emulator.client.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }));
  assert.type(associated.Session, 'string');
  await assertRejects(emulator.client.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session })),
    'NotAuthorizedException', 'Invalid session for the user.');
  const secret = associated.SecretCode!;
  await assertRejects(emulator.client.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: wrongCode(secret) })),
    'EnableSoftwareTokenMFAException');
  const verified = await emulator.client.send(new VerifySoftwareTokenCommand({
    Session: associated.Session, UserCode: totpCode(secret), FriendlyDeviceName: 'phone',
  }));
  assert.is(verified.Status, 'SUCCESS');
  const result = await respond({ ...early, Session: verified.Session });
  const AccessToken = result.AuthenticationResult!.AccessToken!;
  assert.equal((await emulator.client.send(new GetUserCommand({ AccessToken }))).UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
  assert.is((await passwordSignIn(emulator, s.clientId, 'mia')).ChallengeName, 'SOFTWARE_TOKEN_MFA');
});

test.run();
