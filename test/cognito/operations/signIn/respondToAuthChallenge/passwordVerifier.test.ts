import { createHmac } from 'node:crypto';
import { CreateUserPoolClientCommand, RespondToAuthChallengeCommand, type ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { srpClient, srpTimestamp } from '../srpClient.js';
import {
  addClient, challengePool, claims, confirmedUser, PASSWORD, respondToChallenge, setUp, srpStart, type Setup,
} from '../signInFixtures.js';

// PASSWORD_VERIFIER: the second step of USER_SRP_AUTH, the password proven without being sent.

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

test('RespondToAuthChallenge: PASSWORD_VERIFIER with the right password answers tokens', async () => {
  const { srp, response } = await srpStart(emulator, setup, 'alice');
  const result = await answer('PASSWORD_VERIFIER', response.Session, srp.answer(response.ChallengeParameters!, PASSWORD));
  assert.equal(result.ChallengeParameters, {});
  assert.is(claims(result.AuthenticationResult!.AccessToken).username, 'alice');
  assert.type(result.AuthenticationResult!.RefreshToken, 'string');
});

test('RespondToAuthChallenge: the TIMESTAMP is signed as sent, whatever its format', async () => {
  const { srp, response } = await srpStart(emulator, setup, 'alice');
  const odd = srpTimestamp(new Date('2026-11-02T01:02:03Z'));
  assert.is(odd, 'Mon Nov 2 01:02:03 UTC 2026');
  const result = await answer('PASSWORD_VERIFIER', response.Session, srp.answer(response.ChallengeParameters!, PASSWORD, odd));
  assert.type(result.AuthenticationResult!.IdToken, 'string');
});

test('RespondToAuthChallenge: PASSWORD_VERIFIER with a wrong password is refused and spends the session', async () => {
  const { srp, response } = await srpStart(emulator, setup, 'alice');
  await assertRejects(answer('PASSWORD_VERIFIER', response.Session, srp.answer(response.ChallengeParameters!, 'Wrong-Passw0rd!')),
    'NotAuthorizedException', 'Incorrect username or password.');
  await assertRejects(answer('PASSWORD_VERIFIER', response.Session, srp.answer(response.ChallengeParameters!, PASSWORD)),
    'NotAuthorizedException', 'Invalid session for the user.');
});

test('RespondToAuthChallenge: a tampered secret block or signature is refused', async () => {
  const { srp, response } = await srpStart(emulator, setup, 'alice');
  const responses = srp.answer(response.ChallengeParameters!, PASSWORD);
  const forged = { ...responses, PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32).toString('base64') };
  await assertRejects(answer('PASSWORD_VERIFIER', response.Session, forged), 'NotAuthorizedException', 'Incorrect username or password.');
});

test('RespondToAuthChallenge: an unknown user behind PreventUserExistenceErrors gets a decoy challenge that fails as a wrong password', async () => {
  const preventing = { ...setup, clientId: await addClient(emulator, setup.poolId, { PreventUserExistenceErrors: 'ENABLED' }) };
  const { srp, response } = await srpStart(emulator, preventing, 'ghost');
  assert.is(response.ChallengeName, 'PASSWORD_VERIFIER');
  assert.is(response.ChallengeParameters!.USER_ID_FOR_SRP, 'ghost');
  // The salt is stable, as a real user's is, so asking twice reveals nothing.
  assert.is((await srpStart(emulator, preventing, 'ghost')).response.ChallengeParameters!.SALT, response.ChallengeParameters!.SALT);
  await assertRejects(emulator.client.send(new RespondToAuthChallengeCommand({
    ClientId: preventing.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: response.Session,
    ChallengeResponses: srp.answer(response.ChallengeParameters!, PASSWORD),
  })), 'NotAuthorizedException', 'Incorrect username or password.');
  // Without prevention an unknown user is said to be unknown at once.
  await assertRejects(srpStart(emulator, setup, 'ghost'), 'UserNotFoundException', 'User does not exist.');
});

test('RespondToAuthChallenge: a client with a secret needs SECRET_HASH, over the name typed or USER_ID_FOR_SRP', async () => {
  const s = await setUp(emulator, { UsernameAttributes: ['email'] });
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: s.poolId, ClientName: 'server', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const { ClientId, ClientSecret } = UserPoolClient!;
  const hash = (name: string) => createHmac('sha256', ClientSecret!).update(name + ClientId).digest('base64');
  const sub = await confirmedUser(emulator, s, 'gina@example.com');
  const attempt = async (extra: object) => {
    const srp = srpClient(s.poolId);
    const start = await emulator.call('InitiateAuth', { ClientId, AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'gina@example.com', SRP_A: srp.A, SECRET_HASH: hash('gina@example.com') } });
    return emulator.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'PASSWORD_VERIFIER', Session: start.body.Session,
      ChallengeResponses: { ...srp.answer(start.body.ChallengeParameters, PASSWORD), ...extra } });
  };
  assertAwsError(await attempt({}), 'NotAuthorizedException', 403, `Client ${ClientId} is configured for secret but secret was not received`);
  assertAwsError(await attempt({ SECRET_HASH: hash('someone-else') }), 'NotAuthorizedException', 403,
    `Unable to verify secret hash for client ${ClientId}`);
  for (const name of ['gina@example.com', sub]) {
    const result = await attempt({ SECRET_HASH: hash(name) });
    assert.is(result.status, 200, JSON.stringify(result.body));
    assert.type(result.body.AuthenticationResult.IdToken, 'string');
  }
});

test('RespondToAuthChallenge: wrong PASSWORD_VERIFIER answers count towards the sign-in lockout', async () => {
  await confirmedUser(emulator, setup, 'lisa', [{ Name: 'given_name', Value: 'Lisa' }]);
  const attempt = async (password: string) => {
    const { srp, response } = await srpStart(emulator, setup, 'lisa');
    return answer('PASSWORD_VERIFIER', response.Session, srp.answer(response.ChallengeParameters!, password));
  };
  for (let i = 0; i < 5; i++) await assertRejects(attempt('Wrong-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
  await assertRejects(attempt(PASSWORD), 'NotAuthorizedException', 'Password attempts exceeded');
});

test.run();
