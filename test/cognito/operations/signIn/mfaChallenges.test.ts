import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
  type RespondToAuthChallengeRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { setPoolMfa, SMS, totpCode, totpEnabled, totpPoolUser, wrongCode } from '../mfa/mfaFixtures.js';
import { claims, confirmedUser, passwordSignIn, PASSWORD, setUp, srpStart } from './signInFixtures.js';

// The MFA challenges after a correct password: SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, MFA_SETUP and EMAIL_OTP.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const respond = (request: Omit<RespondToAuthChallengeRequest, 'ChallengeName'> & { ChallengeName: string }) =>
  emulator.client.send(new RespondToAuthChallengeCommand(request as RespondToAuthChallengeRequest));

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
