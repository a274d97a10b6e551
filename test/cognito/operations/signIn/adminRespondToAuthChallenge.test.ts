import { AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { totpCode, totpEnabled, totpPoolUser } from '../mfa/mfaFixtures.js';
import { createUser } from '../users/userFixtures.js';
import { claims, confirmedUser, PASSWORD, setUp, TEMP_PASSWORD, type Setup } from './signInFixtures.js';
import { srpClient } from './srpClient.js';

let emulator: TestEmulator;
let setup: Setup;
test.before(async () => {
  emulator = await startTestEmulator();
  setup = await setUp(emulator);
  await confirmedUser(emulator, setup, 'alice');
});
test.after(async () => {
  await emulator.close();
});

const admin = (operation: string, body: object) =>
  emulator.call(operation, { UserPoolId: setup.poolId, ClientId: setup.clientId, ...body });

test('AdminRespondToAuthChallenge: PASSWORD_VERIFIER after an admin SRP start answers tokens', async () => {
  const srp = srpClient(setup.poolId);
  const start = await admin('AdminInitiateAuth', { AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srp.A } });
  const result = await emulator.client.send(new AdminRespondToAuthChallengeCommand({
    UserPoolId: setup.poolId, ClientId: setup.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: start.body.Session,
    ChallengeResponses: srp.answer(start.body.ChallengeParameters, PASSWORD),
  }));
  assert.is(claims(result.AuthenticationResult!.AccessToken).username, 'alice');
});

test('AdminRespondToAuthChallenge: NEW_PASSWORD_REQUIRED confirms the user and answers tokens', async () => {
  await createUser(emulator, setup.poolId, 'bob');
  const start = await admin('AdminInitiateAuth', { AuthFlow: 'ADMIN_NO_SRP_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: TEMP_PASSWORD } });
  const result = await admin('AdminRespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: start.body.Session, ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: PASSWORD },
  });
  assert.is(result.status, 200);
  assert.type(result.body.AuthenticationResult.RefreshToken, 'string');
  const user = await emulator.call('AdminGetUser', { UserPoolId: setup.poolId, Username: 'bob' });
  assert.is(user.body.UserStatus, 'CONFIRMED');
});

test('AdminRespondToAuthChallenge: a session from another client is invalid', async () => {
  const other = await setUp(emulator);
  await createUser(emulator, other.poolId, 'carol');
  const start = await emulator.call('AdminInitiateAuth', { UserPoolId: other.poolId, ClientId: other.clientId,
    AuthFlow: 'ADMIN_NO_SRP_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD: TEMP_PASSWORD } });
  assertAwsError(await admin('AdminRespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: start.body.Session, ChallengeResponses: { USERNAME: 'carol', NEW_PASSWORD: PASSWORD },
  }), 'NotAuthorizedException', 403, 'Invalid session for the user.');
});

test('AdminRespondToAuthChallenge: SOFTWARE_TOKEN_MFA follows the admin password flow too', async () => {
  const who = await totpPoolUser(emulator);
  const { secret } = await totpEnabled(emulator, who);
  const keys = { UserPoolId: who.poolId, ClientId: who.clientId };
  const challenge = await emulator.client.send(new AdminInitiateAuthCommand({ ...keys, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: who.username, PASSWORD } }));
  assert.is(challenge.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  const result = await emulator.client.send(new AdminRespondToAuthChallengeCommand({ ...keys, ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: challenge.Session, ChallengeResponses: { USERNAME: who.username, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, 1) } }));
  assert.type(result.AuthenticationResult!.RefreshToken, 'string');
});

test('AdminRespondToAuthChallenge: bad input answers AWS errors', async () => {
  assertAwsError(await admin('AdminRespondToAuthChallenge', { ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeResponses: { USERNAME: 'alice' } }),
    'InvalidParameterException', 400, 'Missing required parameter NEW_PASSWORD');
  assertAwsError(await admin('AdminRespondToAuthChallenge', { UserPoolId: 'us-east-1_nosuchpool', ChallengeName: 'PASSWORD_VERIFIER' }),
    'ResourceNotFoundException', 404);
  assertAwsError(await admin('AdminRespondToAuthChallenge', { ChallengeName: 'BOGUS' }), 'InvalidParameterException');
});

test.run();
