import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Handler } from '../../../src/lambda/functions.js';
import { assertAwsError } from '../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { sentCodes } from './triggerFixtures.js';

// UserMigration through the API with in-process functions: who is migrated, what the function receives, what the
// user becomes, and how a failing, slow or missing function reaches the caller.

const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const PASSWORD = 'legacy-pw';

/** The old directory the function consults: username → email. */
const LEGACY: Record<string, string> = { ana: 'ana@example.com', bo: 'bo@example.com', cy: 'cy@example.com' };

const events: Record<string, any[]> = {};
const recorded = (name: string, handler: Handler): Handler => (event, context) => {
  (events[name] ??= []).push(structuredClone(event));
  return handler(event, context);
};

const functions: Record<string, Handler> = {
  // The developer guide's example: authenticate against the old directory, answer the attributes.
  migrate: recorded('migrate', async (event) => {
    const email = LEGACY[event.userName];
    if (!email) throw new Error('User not found in legacy directory');
    if (event.triggerSource === 'UserMigration_Authentication' && event.request.password !== PASSWORD) {
      throw new Error('Bad password');
    }
    event.response.userAttributes = { email, email_verified: 'true', name: `Legacy ${event.userName}` };
    if (event.request.clientMetadata?.reset === 'yes') event.response.finalUserStatus = 'RESET_REQUIRED';
    if (event.request.clientMetadata?.mfa === 'yes') event.response.enableSMSMFA = true;
    // The welcome message is sent unless suppressed; `welcome` picks the medium instead.
    if (event.request.clientMetadata?.welcome) event.response.desiredDeliveryMediums = [event.request.clientMetadata.welcome];
    else event.response.messageAction = 'SUPPRESS';
    return event;
  }),
  // Returns the event untouched: no userAttributes.
  shrug: recorded('shrug', async (event) => event),
  // Never answers.
  hang: recorded('hang', () => new Promise(() => {})),
};

let emulator: TestEmulator;
const started = async () => {
  emulator = await startTestEmulator({ functions, code: '123456', triggerTimeoutMs: 300 });
};
test.before(started);
test.after(async () => {
  await emulator.close();
});
test.before.each(() => {
  for (const key of Object.keys(events)) delete events[key];
});

async function poolWith(lambda: string | undefined, settings: Record<string, unknown> = {}) {
  const pool = await emulator.call('CreateUserPool', {
    PoolName: 'migrating',
    ...(lambda ? { LambdaConfig: { UserMigration: arn(lambda) } } : {}),
    ...settings,
  });
  const poolId: string = pool.body.UserPool.Id;
  const client = await emulator.call('CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'app',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  return { poolId, clientId: client.body.UserPoolClient.ClientId as string };
}

const passwordSignIn = (clientId: string, username: string, password = PASSWORD, metadata?: Record<string, string>) =>
  emulator.call('InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
    ...(metadata ? { ClientMetadata: metadata } : {}),
  });

const getUser = (poolId: string, username: string) => emulator.call('AdminGetUser', { UserPoolId: poolId, Username: username });

test('UserMigration: USER_PASSWORD_AUTH for an unknown user migrates them and signs them in in the same call', async () => {
  const { poolId, clientId } = await poolWith('migrate');
  const signedIn = await passwordSignIn(clientId, 'ana', PASSWORD, { app: 'web' });
  assert.is(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.ok(signedIn.body.AuthenticationResult.AccessToken);
  assert.equal(signedIn.body.ChallengeParameters, {});

  const [event] = events.migrate!;
  assert.is(event.version, '1');
  assert.is(event.triggerSource, 'UserMigration_Authentication');
  assert.is(event.region, 'us-east-1');
  assert.is(event.userPoolId, poolId);
  assert.is(event.userName, 'ana');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId });
  assert.equal(event.request, { password: PASSWORD, validationData: null, userAttributes: null, clientMetadata: { app: 'web' } });
  assert.equal(event.response, {
    userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null,
    forceAliasCreation: null, enableSMSMFA: null,
  });

  const user = await getUser(poolId, 'ana');
  assert.is(user.body.UserStatus, 'CONFIRMED');
  const attributes = Object.fromEntries(user.body.UserAttributes.map((a: any) => [a.Name, a.Value]));
  assert.is(attributes.email, 'ana@example.com');
  assert.is(attributes.email_verified, 'true');
  assert.is(attributes.name, 'Legacy ana');
  assert.match(attributes.sub, /^[0-9a-f-]{36}$/);

  // The user now exists with the password typed: the function is not asked again, and a wrong password is refused.
  const again = await passwordSignIn(clientId, 'ana');
  assert.is(again.status, 200);
  assertAwsError(await passwordSignIn(clientId, 'ana', 'wrong-pw'), 'NotAuthorizedException', 403, 'Incorrect username or password.');
  assert.is(events.migrate!.length, 1);
});

test('UserMigration: ADMIN_USER_PASSWORD_AUTH migrates too, with the request\'s ClientMetadata', async () => {
  const { poolId, clientId } = await poolWith('migrate');
  const signedIn = await emulator.call('AdminInitiateAuth', {
    UserPoolId: poolId,
    ClientId: clientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'bo', PASSWORD },
    ClientMetadata: { mfa: 'no' },
  });
  assert.is(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.ok(signedIn.body.AuthenticationResult.IdToken);
  assert.equal(events.migrate![0].request.clientMetadata, { mfa: 'no' });
  assert.is(events.migrate![0].callerContext.clientId, clientId);
});

test('UserMigration: finalUserStatus RESET_REQUIRED creates the user but answers PasswordResetRequiredException', async () => {
  const { poolId, clientId } = await poolWith('migrate');
  const result = await passwordSignIn(clientId, 'cy', PASSWORD, { reset: 'yes' });
  assertAwsError(result, 'PasswordResetRequiredException', 400, 'Password reset required for the user');
  assert.is((await getUser(poolId, 'cy')).body.UserStatus, 'RESET_REQUIRED');
});

test('UserMigration: enableSMSMFA turns SMS MFA on for the new user', async () => {
  const { poolId, clientId } = await poolWith('migrate', { MfaConfiguration: 'OPTIONAL' });
  const result = await passwordSignIn(clientId, 'bo', PASSWORD, { mfa: 'yes' });
  assert.is(result.status, 200, JSON.stringify(result.body));
  assert.equal((await getUser(poolId, 'bo')).body.UserMFASettingList, ['SMS_MFA']);
});

test('UserMigration: without messageAction SUPPRESS the welcome message goes to desiredDeliveryMediums', async () => {
  const { poolId, clientId } = await poolWith('migrate');
  assert.is((await passwordSignIn(clientId, 'ana', PASSWORD, { welcome: 'EMAIL' })).status, 200);
  const [welcome, ...more] = await sentCodes(emulator, poolId, 'ana');
  assert.is(more.length, 0);
  assert.is(welcome.kind, 'TEMPORARY_PASSWORD');
  assert.is(welcome.destination, 'ana@example.com');
  // SUPPRESS (the function's answer for bo) sends nothing.
  assert.is((await passwordSignIn(clientId, 'bo')).status, 200);
  assert.equal(await sentCodes(emulator, poolId, 'bo'), []);
});

test('UserMigration: a function that throws is UserLambdaValidationException and no user is created', async () => {
  const { poolId, clientId } = await poolWith('migrate');
  assertAwsError(await passwordSignIn(clientId, 'ana', 'not-it'), 'UserLambdaValidationException', 400,
    'UserMigration failed with error Bad password.');
  assertAwsError(await getUser(poolId, 'ana'), 'UserNotFoundException', 404);
  assertAwsError(await passwordSignIn(clientId, 'zed'), 'UserLambdaValidationException', 400,
    'UserMigration failed with error User not found in legacy directory.');
});

test('UserMigration: a response without userAttributes is InvalidLambdaResponseException and no user is created', async () => {
  const { poolId, clientId } = await poolWith('shrug');
  assertAwsError(await passwordSignIn(clientId, 'ana'), 'InvalidLambdaResponseException', 400, /userAttributes/);
  assertAwsError(await getUser(poolId, 'ana'), 'UserNotFoundException', 404);
});

test('UserMigration: attributes the pool refuses fail the sign-in and create nothing', async () => {
  const { poolId, clientId } = await poolWith('migrate', { UsernameAttributes: undefined, AliasAttributes: ['email'] });
  // In a pool with an email alias a username may not look like an email address (the SO question cited in
  // newUser.ts): the function vouches for it, Cognito still refuses it.
  LEGACY['dee@example.com'] = 'dee@example.com';
  try {
    assertAwsError(await passwordSignIn(clientId, 'dee@example.com'), 'InvalidParameterException', 400,
      'Username cannot be of email format, since user pool is configured for email alias.');
    assert.is((await emulator.call('ListUsers', { UserPoolId: poolId })).body.Users.length, 0);
  } finally {
    delete LEGACY['dee@example.com'];
  }
});

test('UserMigration: in a pool that signs in by email, the user is stored under a sub and found by email after', async () => {
  LEGACY['eve@example.com'] = 'eve@example.com';
  try {
    const { poolId, clientId } = await poolWith('migrate', { UsernameAttributes: ['email'] });
    const result = await passwordSignIn(clientId, 'eve@example.com');
    assert.is(result.status, 200, JSON.stringify(result.body));
    assert.is(events.migrate![0].userName, 'eve@example.com');
    const user = await getUser(poolId, 'eve@example.com');
    assert.match(user.body.Username, /^[0-9a-f-]{36}$/);
    assert.is((await passwordSignIn(clientId, 'eve@example.com')).status, 200);
    assert.is(events.migrate!.length, 1);
  } finally {
    delete LEGACY['eve@example.com'];
  }
});

test('UserMigration: USER_SRP_AUTH never migrates (the password is not sent); the unknown user is answered as usual', async () => {
  const { clientId } = await poolWith('migrate');
  const result = await emulator.call('InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: 'ana', SRP_A: 'a'.repeat(256) },
  });
  assertAwsError(result, 'UserNotFoundException', 404);
  assert.is(events.migrate, undefined);
});

test('UserMigration: a pool without the trigger answers an unknown user as before', async () => {
  const { clientId } = await poolWith(undefined);
  assertAwsError(await passwordSignIn(clientId, 'ana'), 'UserNotFoundException', 404, 'User does not exist.');
  assert.is(events.migrate, undefined);
});

test('UserMigration: the ForgotPassword flow migrates an unknown user without a password, then sends the code', async () => {
  const { poolId, clientId } = await poolWith('migrate');
  const forgot = await emulator.call('ForgotPassword', { ClientId: clientId, Username: 'bo', ClientMetadata: { from: 'reset' } });
  assert.is(forgot.status, 200, JSON.stringify(forgot.body));
  assert.equal(forgot.body.CodeDeliveryDetails, { Destination: 'b***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });

  const [event] = events.migrate!;
  assert.is(event.triggerSource, 'UserMigration_ForgotPassword');
  assert.is(event.userName, 'bo');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId });
  assert.equal(event.request, { validationData: null, userAttributes: null, clientMetadata: { from: 'reset' } });
  assert.is('password' in event.request, false);
  assert.is((await getUser(poolId, 'bo')).body.UserStatus, 'RESET_REQUIRED');
  assertAwsError(await passwordSignIn(clientId, 'bo'), 'PasswordResetRequiredException');

  const confirmed = await emulator.call('ConfirmForgotPassword', {
    ClientId: clientId, Username: 'bo', ConfirmationCode: '123456', Password: 'New-passw0rd!',
  });
  assert.is(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.is((await getUser(poolId, 'bo')).body.UserStatus, 'CONFIRMED');
  assert.is((await passwordSignIn(clientId, 'bo', 'New-passw0rd!')).status, 200);
  assert.is(events.migrate!.length, 1);
});

test('UserMigration: ForgotPassword for a name the function does not know is its error', async () => {
  const { clientId } = await poolWith('migrate');
  assertAwsError(await emulator.call('ForgotPassword', { ClientId: clientId, Username: 'nobody' }),
    'UserLambdaValidationException', 400, 'UserMigration failed with error User not found in legacy directory.');
});

test('UserMigration: a function that does not answer in time fails the call as AWS does, without hanging', async () => {
  const { poolId, clientId } = await poolWith('hang');
  const before = Date.now();
  assertAwsError(await passwordSignIn(clientId, 'ana'), 'UnexpectedLambdaException', 400,
    'UserMigration invocation failed due to error Socket timeout while invoking Lambda function.');
  assert.ok(Date.now() - before < 3_000, `took ${Date.now() - before} ms`);
  assert.is(events.hang!.length, 1);
  assertAwsError(await getUser(poolId, 'ana'), 'UserNotFoundException', 404);
});

test('UserMigration: an ARN that names no local function is UnexpectedLambdaException when the trigger fires', async () => {
  const { clientId } = await poolWith('nowhere');
  assertAwsError(await passwordSignIn(clientId, 'ana'), 'UnexpectedLambdaException', 400, /nowhere/);
});

test.run();
