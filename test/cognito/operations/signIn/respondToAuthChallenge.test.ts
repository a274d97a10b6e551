import { createHmac } from 'node:crypto';
import {
  CreateUserPoolClientCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  type ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyPassword } from '../../../../src/cognito/auth/srp.js';
import { users } from '../../../../src/cognito/model/user.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createUser } from '../users/userFixtures.js';
import { srpClient, srpTimestamp } from './srpClient.js';
import {
  addClient, changeUser, claims, confirmedUser, PASSWORD, passwordSignIn, setUp, srpStart, TEMP_PASSWORD, type Setup,
} from './signInFixtures.js';

let emulator: TestEmulator;
let setup: Setup;
let offset = 0;
test.before(async () => {
  emulator = await startTestEmulator({ clock: { now: () => new Date(Date.now() + offset) } });
  setup = await setUp(emulator, {
    Schema: [{ Name: 'given_name', AttributeDataType: 'String', Required: true, Mutable: true }],
    Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: true } },
  });
  await confirmedUser(emulator, setup, 'alice', [{ Name: 'given_name', Value: 'Alice' }]);
});
test.after(async () => {
  await emulator.close();
});

const respond = (body: object) => emulator.call('RespondToAuthChallenge', { ClientId: setup.clientId, ...body });
const answer = (ChallengeName: ChallengeNameType, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
  emulator.client.send(new RespondToAuthChallengeCommand({ ClientId: setup.clientId, ChallengeName, Session, ChallengeResponses }));

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

test('RespondToAuthChallenge: a tampered secret block or signature is refused', async () => {
  const { srp, response } = await srpStart(emulator, setup, 'alice');
  const responses = srp.answer(response.ChallengeParameters!, PASSWORD);
  const forged = { ...responses, PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32).toString('base64') };
  await assertRejects(answer('PASSWORD_VERIFIER', response.Session, forged), 'NotAuthorizedException', 'Incorrect username or password.');
});

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

const SMS = { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms', ExternalId: 'ext', SnsRegion: 'us-east-1' };
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

test.run();
