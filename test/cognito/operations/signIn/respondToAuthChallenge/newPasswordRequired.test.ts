import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyPassword } from '../../../../../src/cognito/auth/srp.js';
import { users } from '../../../../../src/cognito/model/user.js';
import { assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { createUser } from '../../users/userFixtures.js';
import {
  challengePool, claims, PASSWORD, passwordSignIn, respondToChallenge, srpStart, TEMP_PASSWORD, type Setup,
} from '../signInFixtures.js';

// NEW_PASSWORD_REQUIRED: a user created by an administrator chooses a password (and fills required attributes).

let emulator: TestEmulator;
let setup: Setup;
test.before(async () => {
  emulator = await startTestEmulator();
  setup = await challengePool(emulator);
});
test.after(async () => {
  await emulator.close();
});

const answer = (ChallengeName: ChallengeNameType, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
  respondToChallenge(emulator, { ClientId: setup.clientId, ChallengeName, Session, ChallengeResponses });

test('RespondToAuthChallenge: NEW_PASSWORD_REQUIRED lists the missing required attributes and demands them', async () => {
  await createUser(emulator, setup.poolId, 'bob');
  const challenge = await passwordSignIn(emulator, setup.clientId, 'bob', TEMP_PASSWORD);
  assert.equal(JSON.parse(challenge.ChallengeParameters!.requiredAttributes!), ['userAttributes.given_name']);
  await assertRejects(answer('NEW_PASSWORD_REQUIRED', challenge.Session, { USERNAME: 'bob', NEW_PASSWORD: PASSWORD }),
    'InvalidParameterException', 'Invalid attributes given, given_name is missing');
  await assertRejects(answer('NEW_PASSWORD_REQUIRED', challenge.Session, { USERNAME: 'bob', NEW_PASSWORD: 'short', 'userAttributes.given_name': 'Bob' }),
    'InvalidPasswordException', 'Password did not conform with policy: Password not long enough');
  // Neither refusal spent the session.
  const result = await answer('NEW_PASSWORD_REQUIRED', challenge.Session, {
    USERNAME: 'bob', NEW_PASSWORD: PASSWORD, 'userAttributes.given_name': 'Bob',
  });
  assert.is(claims(result.AuthenticationResult!.IdToken).given_name, 'Bob');
  const stored = await emulator.store.table(users).get([setup.poolId, 'bob']);
  assert.is(stored!.UserStatus, 'CONFIRMED');
  assert.is(stored!.password!.temporary, false);
  assert.ok(await verifyPassword(stored!.password!, setup.poolId, PASSWORD));
  // The temporary password no longer works; the new one does, without a challenge.
  await assertRejects(passwordSignIn(emulator, setup.clientId, 'bob', TEMP_PASSWORD), 'NotAuthorizedException');
  assert.type((await passwordSignIn(emulator, setup.clientId, 'bob')).AuthenticationResult!.AccessToken, 'string');
});

test('RespondToAuthChallenge: an SRP sign-in of a new user continues to NEW_PASSWORD_REQUIRED', async () => {
  await createUser(emulator, setup.poolId, 'carol', { UserAttributes: [{ Name: 'given_name', Value: 'Carol' }] });
  const { srp, response } = await srpStart(emulator, setup, 'carol');
  const next = await answer('PASSWORD_VERIFIER', response.Session, srp.answer(response.ChallengeParameters!, TEMP_PASSWORD));
  assert.is(next.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  assert.is(next.ChallengeParameters!.USER_ID_FOR_SRP, 'carol');
  assert.equal(JSON.parse(next.ChallengeParameters!.userAttributes!), { given_name: 'Carol' });
  assert.ok(next.Session && next.Session !== response.Session);
});

test.run();
