import { createHmac } from 'node:crypto';
import { AdminDisableUserCommand, CreateUserPoolClientCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { authSessions } from '../../../../src/cognito/auth/sessions.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createUser } from '../users/userFixtures.js';
import {
  addClient, changeUser, claims, confirmedUser, PASSWORD, passwordSignIn, setUp, srpStart, TEMP_PASSWORD, type Setup,
} from './signInFixtures.js';

let emulator: TestEmulator;
let setup: Setup;
// Moved forward by tests that need time to pass.
let offset = 0;
test.before(async () => {
  emulator = await startTestEmulator({ clock: { now: () => new Date(Date.now() + offset) } });
  setup = await setUp(emulator);
  await confirmedUser(emulator, setup, 'alice', [{ Name: 'email', Value: 'alice@example.com' }]);
});
test.after(async () => {
  await emulator.close();
});

const initiate = (body: object) => emulator.call('InitiateAuth', { ClientId: setup.clientId, ...body });
const passwordAuth = (USERNAME: string, PASSWORD_: string, clientId = setup.clientId) =>
  emulator.call('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: PASSWORD_ } });

test('InitiateAuth: USER_PASSWORD_AUTH answers signed tokens and an empty ChallengeParameters', async () => {
  const result = await passwordSignIn(emulator, setup.clientId, 'alice');
  assert.equal(result.ChallengeParameters, {});
  assert.is(result.ChallengeName, undefined);
  const tokens = result.AuthenticationResult!;
  assert.is(tokens.TokenType, 'Bearer');
  assert.is(tokens.ExpiresIn, 3600);
  assert.type(tokens.RefreshToken, 'string');
  assert.is(claims(tokens.IdToken)['cognito:username'], 'alice');
  assert.is(claims(tokens.AccessToken).scope, 'aws.cognito.signin.user.admin');
  assert.is(claims(tokens.AccessToken).client_id, setup.clientId);
});

test('InitiateAuth: a wrong password is "Incorrect username or password."', async () => {
  assertAwsError(await passwordAuth('alice', 'Wrong-Passw0rd!'), 'NotAuthorizedException', 403, 'Incorrect username or password.');
});

test('InitiateAuth: an unknown user is UserNotFoundException, or a wrong password when the client prevents existence errors', async () => {
  assertAwsError(await passwordAuth('nobody', PASSWORD), 'UserNotFoundException', 404, 'User does not exist.');
  const preventing = await addClient(emulator, setup.poolId, { PreventUserExistenceErrors: 'ENABLED' });
  assertAwsError(await passwordAuth('nobody', PASSWORD, preventing), 'NotAuthorizedException', 403, 'Incorrect username or password.');
});

test('InitiateAuth: a user signs in with an alias they can sign in with', async () => {
  const { poolId, clientId } = await setUp(emulator, { UsernameAttributes: ['email'] });
  const sub = await confirmedUser(emulator, { poolId, clientId }, 'bob@example.com');
  const { AuthenticationResult } = await passwordSignIn(emulator, clientId, 'bob@example.com');
  assert.is(claims(AuthenticationResult!.AccessToken).username, sub);
});

test('InitiateAuth: a temporary password leads to NEW_PASSWORD_REQUIRED with the user attributes', async () => {
  await createUser(emulator, setup.poolId, 'newbie', { UserAttributes: [{ Name: 'email', Value: 'newbie@example.com' }] });
  const result = await passwordSignIn(emulator, setup.clientId, 'newbie', TEMP_PASSWORD);
  assert.is(result.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  assert.type(result.Session, 'string');
  assert.is(result.AuthenticationResult, undefined);
  assert.is(result.ChallengeParameters!.USER_ID_FOR_SRP, 'newbie');
  assert.equal(JSON.parse(result.ChallengeParameters!.userAttributes!), { email: 'newbie@example.com' });
  assert.equal(JSON.parse(result.ChallengeParameters!.requiredAttributes!), []);
});

test('InitiateAuth: a temporary password older than TemporaryPasswordValidityDays has expired', async () => {
  await createUser(emulator, setup.poolId, 'late');
  offset = 8 * 86_400_000;
  try {
    assertAwsError(await passwordAuth('late', TEMP_PASSWORD), 'NotAuthorizedException', 403,
      'Temporary password has expired and must be reset by an administrator.');
  } finally {
    offset = 0;
  }
});

test('InitiateAuth: disabled, unconfirmed and reset-required users are refused with AWS errors', async () => {
  await confirmedUser(emulator, setup, 'carol');
  await emulator.client.send(new AdminDisableUserCommand({ UserPoolId: setup.poolId, Username: 'carol' }));
  assertAwsError(await passwordAuth('carol', PASSWORD), 'NotAuthorizedException', 403, 'User is disabled.');

  await confirmedUser(emulator, setup, 'dave');
  await changeUser(emulator, setup.poolId, 'dave', (u) => ({ ...u, UserStatus: 'UNCONFIRMED' }));
  assertAwsError(await passwordAuth('dave', 'Wrong-Passw0rd!'), 'NotAuthorizedException', 403, 'Incorrect username or password.');
  assertAwsError(await passwordAuth('dave', PASSWORD), 'UserNotConfirmedException', 400, 'User is not confirmed.');

  await changeUser(emulator, setup.poolId, 'dave', (u) => ({ ...u, UserStatus: 'RESET_REQUIRED' }));
  assertAwsError(await passwordAuth('dave', PASSWORD), 'PasswordResetRequiredException', 400, 'Password reset required for the user');
});

test('InitiateAuth: a flow the client does not allow is refused', async () => {
  const srpOnly = await addClient(emulator, setup.poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  assertAwsError(await passwordAuth('alice', PASSWORD, srpOnly), 'InvalidParameterException', 400,
    'USER_PASSWORD_AUTH flow not enabled for this client');
  const passwordOnly = await addClient(emulator, setup.poolId, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  assertAwsError(
    await emulator.call('InitiateAuth', { ClientId: passwordOnly, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' } }),
    'InvalidParameterException', 400, 'USER_SRP_AUTH is not enabled for the client.');
});

test('InitiateAuth: the admin flows are not InitiateAuth flows', async () => {
  assertAwsError(await initiate({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    'InvalidParameterException', 400, 'Initiate Auth method not supported.');
});

test('InitiateAuth: CUSTOM_AUTH needs the custom challenge triggers', async () => {
  const custom = await addClient(emulator, setup.poolId, { ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  assertAwsError(await emulator.call('InitiateAuth', { ClientId: custom, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' } }),
    'InvalidParameterException', 400, 'Custom auth lambda trigger is not configured for the user pool.');
});

test('InitiateAuth: a client with a secret needs the right SECRET_HASH', async () => {
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: setup.poolId, ClientName: 'secret', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const { ClientId, ClientSecret } = UserPoolClient!;
  const call = (extra: object) => emulator.call('InitiateAuth', {
    ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD, ...extra },
  });
  assertAwsError(await call({}), 'NotAuthorizedException', 403, `Client ${ClientId} is configured for secret but secret was not received`);
  assertAwsError(await call({ SECRET_HASH: 'bm9wZQ==' }), 'NotAuthorizedException', 403, `Unable to verify secret hash for client ${ClientId}`);
  const hash = createHmac('sha256', ClientSecret!).update(`alice${ClientId}`).digest('base64');
  const result = await call({ SECRET_HASH: hash });
  assert.is(result.status, 200);
  assert.type(result.body.AuthenticationResult.AccessToken, 'string');
});

test('InitiateAuth: USER_SRP_AUTH answers PASSWORD_VERIFIER with the SRP parameters', async () => {
  const { response } = await srpStart(emulator, setup, 'alice');
  assert.is(response.ChallengeName, 'PASSWORD_VERIFIER');
  assert.ok(response.Session!.length >= 20);
  const p = response.ChallengeParameters!;
  assert.equal(Object.keys(p).sort(), ['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
  assert.match(p.SALT!, /^[0-9a-f]+$/);
  assert.match(p.SRP_B!, /^[0-9a-f]+$/);
  assert.is(Buffer.from(p.SECRET_BLOCK!, 'base64').toString('base64'), p.SECRET_BLOCK);
  assert.is(p.USER_ID_FOR_SRP, 'alice');
  assert.is(p.USERNAME, 'alice');
});

test('InitiateAuth: USER_ID_FOR_SRP is the stored username (the sub in email-username pools)', async () => {
  const s = await setUp(emulator, { UsernameAttributes: ['email'] });
  const sub = await confirmedUser(emulator, s, 'erin@example.com');
  const { response } = await srpStart(emulator, s, 'erin@example.com');
  assert.is(response.ChallengeParameters!.USER_ID_FOR_SRP, sub);
});

test('InitiateAuth: sessions never answered do not pile up: each new one clears expired ones', async () => {
  const s = await setUp(emulator);
  await confirmedUser(emulator, s, 'frank');
  const stored = async () => (await emulator.store.table(authSessions).list([s.poolId], { limit: 10 })).items.length;
  await srpStart(emulator, s, 'frank');
  await srpStart(emulator, s, 'frank');
  assert.is(await stored(), 2);
  offset = 4 * 60_000;
  try {
    await srpStart(emulator, s, 'frank');
  } finally {
    offset = 0;
  }
  assert.is(await stored(), 1);
});

test('InitiateAuth: REFRESH_TOKEN_AUTH answers new ID and access tokens and no new refresh token', async () => {
  const { AuthenticationResult } = await passwordSignIn(emulator, setup.clientId, 'alice');
  for (const AuthFlow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const) {
    const refreshed = await emulator.client.send(new InitiateAuthCommand({
      ClientId: setup.clientId, AuthFlow, AuthParameters: { REFRESH_TOKEN: AuthenticationResult!.RefreshToken! },
    }));
    assert.is(refreshed.AuthenticationResult!.RefreshToken, undefined);
    assert.is(claims(refreshed.AuthenticationResult!.IdToken)['cognito:username'], 'alice');
    assert.is(claims(refreshed.AuthenticationResult!.AccessToken).auth_time, claims(AuthenticationResult!.AccessToken).auth_time);
  }
  await assertRejects(emulator.client.send(new InitiateAuthCommand({
    ClientId: setup.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'not-a-token' },
  })), 'NotAuthorizedException');
});

test('InitiateAuth: bad input answers AWS errors', async () => {
  assertAwsError(await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { PASSWORD } }),
    'InvalidParameterException', 400, 'Missing required parameter USERNAME');
  assertAwsError(await initiate({ AuthFlow: 'PLAIN' }), 'InvalidParameterException', 400, /authFlow.*enum value set/);
  assertAwsError(await initiate({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: 'zz' } }),
    'InvalidParameterException');
  assertAwsError(await emulator.call('InitiateAuth', { ClientId: 'nosuchclient', AuthFlow: 'USER_PASSWORD_AUTH' }),
    'ResourceNotFoundException', 404, 'User pool client nosuchclient does not exist.');
  assertAwsError(await emulator.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH' }), 'InvalidParameterException');
});

const WRONG = 'Wrong-Passw0rd!';
const incorrect = (USERNAME: string) => async () =>
  assertAwsError(await passwordAuth(USERNAME, WRONG), 'NotAuthorizedException', 403, 'Incorrect username or password.');
const lockedOut = async (USERNAME: string, password = PASSWORD) =>
  assertAwsError(await passwordAuth(USERNAME, password), 'NotAuthorizedException', 403, 'Password attempts exceeded');
const signsIn = async (USERNAME: string) => assert.is((await passwordAuth(USERNAME, PASSWORD)).status, 200);

test('InitiateAuth: after five wrong passwords a lockout of 1 second, doubling with each further failure; a sign-in ends it', async () => {
  await confirmedUser(emulator, setup, 'lena');
  try {
    for (let i = 0; i < 5; i++) await incorrect('lena')();
    // Even the right password is refused during the lockout, and such attempts do not lengthen it.
    await lockedOut('lena');
    await lockedOut('lena', WRONG);
    offset += 1000;
    await incorrect('lena')();
    offset += 1000;
    await lockedOut('lena');
    offset += 1000;
    await signsIn('lena');
    // The sign-in started the count again.
    await incorrect('lena')();
    await signsIn('lena');
  } finally {
    offset = 0;
  }
});

test('InitiateAuth: 15 minutes without attempts start the count of failures again', async () => {
  await confirmedUser(emulator, setup, 'lars');
  try {
    for (let i = 0; i < 5; i++) await incorrect('lars')();
    offset = 15 * 60_000;
    await incorrect('lars')();
    await signsIn('lars');
  } finally {
    offset = 0;
  }
});

test('InitiateAuth: the lockout grows to about 15 minutes at most', async () => {
  await confirmedUser(emulator, setup, 'lily');
  try {
    for (let i = 0; i < 5; i++) await incorrect('lily')();
    // Failures 6 to 15 each wait out the lockout before them: 1, 2, 4 ... 512 seconds.
    for (let n = 6; n <= 15; n++) {
      offset += 1000 * 2 ** (n - 6);
      await incorrect('lily')();
    }
    // 2^10 seconds would be over 17 minutes; the lockout stops at 15.
    offset += 15 * 60_000 - 1000;
    await lockedOut('lily');
    offset += 1000;
    await signsIn('lily');
  } finally {
    offset = 0;
  }
});

test.run();
