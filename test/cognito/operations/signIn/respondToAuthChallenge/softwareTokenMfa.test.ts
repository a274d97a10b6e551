import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { totpCode, totpEnabled, totpPoolUser, wrongCode } from '../../mfa/mfaFixtures.js';
import { claims, PASSWORD, passwordSignIn, respondToChallenge, srpStart } from '../signInFixtures.js';

// SOFTWARE_TOKEN_MFA: the authenticator app's code after a correct password.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const respond = (request: Parameters<typeof respondToChallenge>[1]) => respondToChallenge(emulator, request);

test('RespondToAuthChallenge: SOFTWARE_TOKEN_MFA after the password; a wrong code may be retried, the session answers once', async () => {
  const who = await totpPoolUser(emulator);
  const { secret, spent } = await totpEnabled(emulator, who);
  const challenge = await passwordSignIn(emulator, who.clientId, who.username);
  assert.is(challenge.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  assert.equal(challenge.ChallengeParameters, {});
  const send = (SOFTWARE_TOKEN_MFA_CODE: string) => respond({ ClientId: who.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: challenge.Session, ChallengeResponses: { USERNAME: who.username, SOFTWARE_TOKEN_MFA_CODE } });
  await assertRejects(send(wrongCode(secret)), 'CodeMismatchException', 'Invalid code received for user');
  // VerifySoftwareToken spent its code; the next step's is within the window.
  await assertRejects(send(spent), 'ExpiredCodeException', 'Your software token has already been used once.');
  const result = await send(totpCode(secret, 1));
  assert.is(claims(result.AuthenticationResult!.AccessToken).username, who.username);
  await assertRejects(send(totpCode(secret, 1)), 'NotAuthorizedException', 'Invalid session for the user.');
});

test('RespondToAuthChallenge: SOFTWARE_TOKEN_MFA follows SRP too', async () => {
  const who = await totpPoolUser(emulator);
  const { secret } = await totpEnabled(emulator, who);
  const { srp, response } = await srpStart(emulator, who, who.username);
  const challenge = await respond({ ClientId: who.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: response.Session,
    ChallengeResponses: srp.answer(response.ChallengeParameters!, PASSWORD) });
  assert.is(challenge.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  const result = await respond({ ClientId: who.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: challenge.Session,
    ChallengeResponses: { USERNAME: who.username, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, 1) } });
  assert.type(result.AuthenticationResult!.IdToken, 'string');
});

test('RespondToAuthChallenge: after five wrong SOFTWARE_TOKEN_MFA codes the sign-in lockout refuses even the right one', async () => {
  const who = await totpPoolUser(emulator);
  const { secret } = await totpEnabled(emulator, who);
  const challenge = await passwordSignIn(emulator, who.clientId, who.username);
  const send = (SOFTWARE_TOKEN_MFA_CODE: string) => respond({ ClientId: who.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: challenge.Session, ChallengeResponses: { USERNAME: who.username, SOFTWARE_TOKEN_MFA_CODE } });
  for (let i = 0; i < 5; i++) await assertRejects(send(wrongCode(secret)), 'CodeMismatchException', 'Invalid code received for user');
  await assertRejects(send(totpCode(secret, 1)), 'NotAuthorizedException', 'Password attempts exceeded');
  // The password does not start the count again: the user is locked out of every step.
  await assertRejects(passwordSignIn(emulator, who.clientId, who.username), 'NotAuthorizedException', 'Password attempts exceeded');
});

test.run();
