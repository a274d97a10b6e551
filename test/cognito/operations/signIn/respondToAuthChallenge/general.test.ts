import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import { assertAwsError, assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { totpPoolUser } from '../../mfa/mfaFixtures.js';
import { challengePool, PASSWORD, respondToChallenge, srpStart, type Setup } from '../signInFixtures.js';

// What holds for every challenge: sessions (single use, expiry, bound to one challenge) and request validation.

let emulator: TestEmulator;
let setup: Setup;
let offset = 0;
test.before(async () => {
  emulator = await startTestEmulator({ clock: { now: () => new Date(Date.now() + offset) } });
  setup = await challengePool(emulator);
});
test.after(async () => {
  await emulator.close();
});

const respond = (body: object) => emulator.call('RespondToAuthChallenge', { ClientId: setup.clientId, ...body });
const answer = (ChallengeName: ChallengeNameType, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
  respondToChallenge(emulator, { ClientId: setup.clientId, ChallengeName, Session, ChallengeResponses });

test('RespondToAuthChallenge: a session answers once', async () => {
  const { srp, response } = await srpStart(emulator, setup, 'alice');
  const responses = srp.answer(response.ChallengeParameters!, PASSWORD);
  await answer('PASSWORD_VERIFIER', response.Session, responses);
  await assertRejects(answer('PASSWORD_VERIFIER', response.Session, responses), 'NotAuthorizedException', 'Invalid session for the user.');
});

test('RespondToAuthChallenge: a session expires after the client\'s AuthSessionValidity (3 minutes)', async () => {
  const { srp, response } = await srpStart(emulator, setup, 'alice');
  offset = 3 * 60_000 + 1000;
  try {
    await assertRejects(answer('PASSWORD_VERIFIER', response.Session, srp.answer(response.ChallengeParameters!, PASSWORD)),
      'NotAuthorizedException', 'Invalid session for the user, session is expired.');
  } finally {
    offset = 0;
  }
});

test('RespondToAuthChallenge: a session is bound to its challenge', async () => {
  const { response } = await srpStart(emulator, setup, 'alice');
  await assertRejects(answer('NEW_PASSWORD_REQUIRED', response.Session, { USERNAME: 'alice', NEW_PASSWORD: PASSWORD }),
    'NotAuthorizedException', 'Invalid session for the user.');
});

test('RespondToAuthChallenge: bad input answers AWS errors', async () => {
  assertAwsError(await respond({ ChallengeName: 'NOT_A_CHALLENGE', Session: 'x'.repeat(20) }), 'InvalidParameterException', 400,
    /challengeName.*enum value set/);
  assertAwsError(await respond({ ChallengeName: 'SMS_MFA', Session: 'x'.repeat(20), ChallengeResponses: { USERNAME: 'alice' } }),
    'InvalidParameterException');
  assertAwsError(await respond({ ChallengeName: 'PASSWORD_VERIFIER', Session: 'x'.repeat(20), ChallengeResponses: { USERNAME: 'alice' } }),
    'InvalidParameterException', 400, 'Missing required parameter PASSWORD_CLAIM_SIGNATURE');
  assertAwsError(await respond({ ChallengeName: 'PASSWORD_VERIFIER', Session: 'x'.repeat(20), ChallengeResponses: {
    USERNAME: 'alice', PASSWORD_CLAIM_SIGNATURE: 'a', PASSWORD_CLAIM_SECRET_BLOCK: 'b', TIMESTAMP: 't' } }),
    'NotAuthorizedException', 403, 'Invalid session for the user.');
  assertAwsError(await emulator.call('RespondToAuthChallenge', { ClientId: 'nosuchclient', ChallengeName: 'PASSWORD_VERIFIER' }),
    'ResourceNotFoundException', 404);
  assertAwsError(await emulator.call('RespondToAuthChallenge', { ChallengeName: 'PASSWORD_VERIFIER' }), 'InvalidParameterException');
});

test('RespondToAuthChallenge: bad answers to the MFA challenges answer AWS errors', async () => {
  const who = await totpPoolUser(emulator);
  for (const [ChallengeName, missing] of [['SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA_CODE'], ['SELECT_MFA_TYPE', 'ANSWER'],
    ['EMAIL_OTP', 'EMAIL_OTP_CODE']]) {
    assertAwsError(await emulator.call('RespondToAuthChallenge', { ClientId: who.clientId, ChallengeName, Session: 'x'.repeat(20),
      ChallengeResponses: { USERNAME: who.username } }), 'InvalidParameterException', 400, `Missing required parameter ${missing}`);
  }
  assertAwsError(await emulator.call('RespondToAuthChallenge', { ClientId: who.clientId, ChallengeName: 'MFA_SETUP',
    Session: 'x'.repeat(20), ChallengeResponses: { USERNAME: who.username } }), 'NotAuthorizedException', 403,
    'Invalid session for the user.');
});

test.run();
