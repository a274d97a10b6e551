import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import {
  AdminCreateUserCommand,
  CreateUserPoolClientCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { createPool } from '../helpers/fixtures.js';

// amazon-cognito-identity-js (the library under Amplify v5 and countless apps) in Node, against the emulator
// through the pool data's `endpoint`: its SRP, NEW_PASSWORD_REQUIRED, refresh and sign-out exactly as it speaks them.

const TEMP = 'Temp-Passw0rd!';
const CHOSEN = 'Chosen-Passw0rd!';

let emulator: TestEmulator;
let userPool: CognitoUserPool;
let poolId: string;

test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator, {
    Schema: [{ Name: 'given_name', AttributeDataType: 'String', Required: true, Mutable: true }],
  });
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'spa',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  userPool = new CognitoUserPool({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId!, endpoint: emulator.url });
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username: 'jane', TemporaryPassword: TEMP, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
  }));
});
test.after(async () => {
  await emulator.close();
});

type Outcome =
  | { kind: 'success'; session: CognitoUserSession }
  | { kind: 'newPassword'; userAttributes: Record<string, string>; requiredAttributes: string[] }
  | { kind: 'mfa'; challengeName: string; parameters: Record<string, string> }
  | { kind: 'failure'; error: Error & { code?: string } };

function signIn(user: CognitoUser, password: string): Promise<Outcome> {
  return new Promise((resolve) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: (session) => resolve({ kind: 'success', session }),
      onFailure: (error) => resolve({ kind: 'failure', error }),
      newPasswordRequired: (userAttributes, requiredAttributes) =>
        resolve({ kind: 'newPassword', userAttributes, requiredAttributes }),
      mfaRequired: (challengeName, parameters) => resolve({ kind: 'mfa', challengeName, parameters }),
    });
  });
}

const cognitoUser = (username: string) => new CognitoUser({ Username: username, Pool: userPool });

test('amazon-cognito-identity-js: SRP sign-in, new password with a required attribute, then tokens', async () => {
  const user = cognitoUser('jane');
  const first = await signIn(user, TEMP);
  assert.is(first.kind, 'newPassword');
  if (first.kind !== 'newPassword') return;
  assert.equal(first.requiredAttributes, ['given_name']);
  assert.is(first.userAttributes.email, 'jane@example.com');

  const session = await new Promise<CognitoUserSession>((resolve, reject) => {
    user.completeNewPasswordChallenge(CHOSEN, { given_name: 'Jane' }, { onSuccess: resolve, onFailure: reject });
  });
  assert.ok(session.isValid());
  assert.is(session.getIdToken().payload['cognito:username'], 'jane');
  assert.is(session.getIdToken().payload.given_name, 'Jane');
  assert.type(session.getRefreshToken().getToken(), 'string');
});

test('amazon-cognito-identity-js: SRP sign-in with the chosen password, refreshSession, signOut', async () => {
  const user = cognitoUser('jane');
  const outcome = await signIn(user, CHOSEN);
  assert.is(outcome.kind, 'success');
  if (outcome.kind !== 'success') return;
  const refreshToken = outcome.session.getRefreshToken();
  const refreshed = await new Promise<CognitoUserSession>((resolve, reject) => {
    user.refreshSession(refreshToken, (error: Error | null, session: CognitoUserSession) => (error ? reject(error) : resolve(session)));
  });
  assert.ok(refreshed.isValid());
  assert.is(refreshed.getAccessToken().payload.username, 'jane');
  // No rotation: the library keeps the refresh token it had.
  assert.is(refreshed.getRefreshToken().getToken(), refreshToken.getToken());

  assert.is(userPool.getCurrentUser()?.getUsername(), 'jane');
  user.signOut();
  assert.is(userPool.getCurrentUser(), null);
});

test('amazon-cognito-identity-js: a wrong password fails with NotAuthorizedException', async () => {
  const outcome = await signIn(cognitoUser('jane'), 'Wrong-Passw0rd!');
  assert.is(outcome.kind, 'failure');
  if (outcome.kind !== 'failure') return;
  assert.is(outcome.error.code, 'NotAuthorizedException');
  assert.is(outcome.error.message, 'Incorrect username or password.');
});

test('amazon-cognito-identity-js: USER_PASSWORD_AUTH through authenticationFlowType', async () => {
  const user = cognitoUser('jane');
  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  const outcome = await signIn(user, CHOSEN);
  assert.is(outcome.kind, 'success');
  if (outcome.kind === 'success') assert.is(outcome.session.getAccessToken().payload.username, 'jane');
  const wrong = cognitoUser('jane');
  wrong.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  const failed = await signIn(wrong, 'Wrong-Passw0rd!');
  assert.is(failed.kind === 'failure' && failed.error.code, 'NotAuthorizedException');
});

test('amazon-cognito-identity-js: SMS MFA through mfaRequired and sendMFACode', async () => {
  const mfaPoolId = await createPool(emulator);
  await emulator.client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: mfaPoolId, MfaConfiguration: 'ON',
    SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms', ExternalId: 'ext' } } }));
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: mfaPoolId, ClientName: 'spa', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const mfaPool = new CognitoUserPool({ UserPoolId: mfaPoolId, ClientId: UserPoolClient!.ClientId!, endpoint: emulator.url });
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: mfaPoolId, Username: 'kim', TemporaryPassword: TEMP, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'phone_number', Value: '+15555559876' }],
  }));
  const user = new CognitoUser({ Username: 'kim', Pool: mfaPool });
  assert.is((await signIn(user, TEMP)).kind, 'newPassword');
  const challenge = await new Promise<Outcome>((resolve) => {
    user.completeNewPasswordChallenge(CHOSEN, {}, {
      onSuccess: (session) => resolve({ kind: 'success', session }),
      onFailure: (error) => resolve({ kind: 'failure', error }),
      mfaRequired: (challengeName, parameters) => resolve({ kind: 'mfa', challengeName, parameters }),
    });
  });
  assert.is(challenge.kind === 'mfa' && challenge.challengeName, 'SMS_MFA');
  const { codes } = await (await fetch(`${emulator.url}/_cogniform/codes?userPoolId=${mfaPoolId}&username=kim`)).json();
  const session = await new Promise<CognitoUserSession>((resolve, reject) => {
    user.sendMFACode(codes[0].code, { onSuccess: resolve, onFailure: reject });
  });
  assert.is(session.getAccessToken().payload.username, 'kim');
});

test.run();
