import {
  AdminConfirmSignUpCommand, AdminCreateUserCommand, AdminGetUserCommand, ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, ForgotPasswordCommand, SignUpCommand,
  type LambdaConfigType,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { arn, recorder, sentCodes } from './triggerFixtures.js';

// PreSignUp (SignUp, AdminCreateUser) and PostConfirmation (ConfirmSignUp, AdminConfirmSignUp, ConfirmForgotPassword,
// and after a PreSignUp auto-confirm), with real in-process functions that record their events.

const rec = recorder();
const functions = {
  allow: rec.recording('allow', (event) => event),
  confirm: rec.recording('confirm', (event) => {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
    return event;
  }),
  verifyOnly: rec.recording('verifyOnly', (event) => {
    event.response.autoVerifyEmail = true;
    return event;
  }),
  reject: rec.recording('reject', async () => {
    throw new Error('Invalid email domain');
  }),
  garbled: rec.recording('garbled', (event) => {
    event.response.autoConfirmUser = 'yes';
    return event;
  }),
  post: rec.recording('post', (event) => event),
  postFails: rec.recording('postFails', async () => {
    throw new Error('database unavailable');
  }),
};

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({ functions, code: '123456' });
});
test.before.each(() => rec.clear());
test.after(async () => {
  await emulator.close();
});

async function pool(LambdaConfig: LambdaConfigType, extra: Record<string, unknown> = {}) {
  const { UserPool } = await emulator.client.send(
    new CreateUserPoolCommand({ PoolName: 'p', AutoVerifiedAttributes: ['email'], LambdaConfig, ...extra }),
  );
  const { UserPoolClient } = await emulator.client.send(
    new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'app' }),
  );
  return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
}

const signUp = (clientId: string, Username: string, extra: Record<string, unknown> = {}) =>
  emulator.client.send(new SignUpCommand({
    ClientId: clientId,
    Username,
    Password: 'Passw0rd!',
    UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
    ...extra,
  }));

const status = async (poolId: string, Username: string) => {
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));
  return { status: user.UserStatus, attributes: Object.fromEntries(user.UserAttributes!.map((a) => [a.Name, a.Value])) };
};

test('PreSignUp: SignUp sends the envelope AWS sends, field by field', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('allow') });
  const answer = await signUp(clientId, 'alice', {
    ValidationData: [{ Name: 'captcha', Value: 'ok' }],
    ClientMetadata: { source: 'web' },
  });
  const [event] = rec.events.allow!;
  assert.is(event.version, '1');
  assert.is(event.triggerSource, 'PreSignUp_SignUp');
  assert.is(event.region, 'us-east-1');
  assert.is(event.userPoolId, poolId);
  assert.is(event.userName, 'alice');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId });
  // Only the attributes given: the user does not exist yet (localstack/localstack#9349's real AWS event).
  assert.equal(event.request.userAttributes, { email: 'alice@example.com' });
  assert.equal(event.request.validationData, { captcha: 'ok' });
  assert.equal(event.request.clientMetadata, { source: 'web' });
  assert.equal(event.response, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  assert.is(answer.UserConfirmed, false);
  assert.is((await status(poolId, 'alice')).status, 'UNCONFIRMED');
});

test('PreSignUp: without ValidationData or ClientMetadata, validationData is null and clientMetadata absent', async () => {
  const { clientId } = await pool({ PreSignUp: arn('allow') });
  await signUp(clientId, 'bob');
  const [event] = rec.events.allow!;
  assert.is(event.request.validationData, null);
  assert.not.ok('clientMetadata' in event.request);
});

test('PreSignUp: the user name is the sub in a pool that signs in by email', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('allow') }, { UsernameAttributes: ['email'] });
  const answer = await signUp(clientId, 'carol@example.com', { UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] });
  const [event] = rec.events.allow!;
  assert.is(event.userName, answer.UserSub);
  assert.ok(poolId);
});

test('PreSignUp: a thrown error rejects the sign-up with AWS wording and stores nothing', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('reject') });
  await assertRejects(signUp(clientId, 'dave'), 'UserLambdaValidationException', 'PreSignUp failed with error Invalid email domain.');
  await assertRejects(emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dave' })), 'UserNotFoundException');
  assert.equal(await sentCodes(emulator, poolId, 'dave'), []);
});

test('PreSignUp: a non-boolean flag is InvalidLambdaResponseException and stores nothing', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('garbled') });
  await assertRejects(signUp(clientId, 'erin'), 'InvalidLambdaResponseException');
  await assertRejects(emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'erin' })), 'UserNotFoundException');
});

test('PreSignUp: autoConfirmUser confirms without a code, autoVerifyEmail verifies, and PostConfirmation follows', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('confirm'), PostConfirmation: arn('post') });
  const answer = await signUp(clientId, 'frank', { ClientMetadata: { plan: 'pro' } });
  assert.is(answer.UserConfirmed, true);
  assert.is(answer.CodeDeliveryDetails, undefined);
  const stored = await status(poolId, 'frank');
  assert.is(stored.status, 'CONFIRMED');
  assert.is(stored.attributes.email_verified, 'true');
  assert.equal(await sentCodes(emulator, poolId, 'frank'), []);
  const [event] = rec.events.post!;
  assert.is(event.triggerSource, 'PostConfirmation_ConfirmSignUp');
  assert.is(event.userName, 'frank');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId });
  assert.is(event.request.userAttributes['cognito:user_status'], 'CONFIRMED');
  assert.is(event.request.userAttributes.email_verified, 'true');
  assert.is(event.request.userAttributes.sub, answer.UserSub);
  assert.equal(event.request.clientMetadata, { plan: 'pro' });
  assert.equal(event.response, {});
});

test('PreSignUp: autoVerifyEmail alone verifies the email and still sends a code to an UNCONFIRMED user', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('verifyOnly') });
  const answer = await signUp(clientId, 'gina');
  assert.is(answer.UserConfirmed, false);
  assert.is(answer.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
  const stored = await status(poolId, 'gina');
  assert.is(stored.status, 'UNCONFIRMED');
  assert.is(stored.attributes.email_verified, 'true');
});

test('PreSignUp: AdminCreateUser sends PreSignUp_AdminCreateUser with CLIENT_ID_NOT_APPLICABLE', async () => {
  const { poolId } = await pool({ PreSignUp: arn('confirm') });
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId,
    Username: 'hank',
    UserAttributes: [{ Name: 'email', Value: 'hank@example.com' }],
    ClientMetadata: { by: 'admin' },
    MessageAction: 'SUPPRESS',
  }));
  const [event] = rec.events.confirm!;
  assert.is(event.triggerSource, 'PreSignUp_AdminCreateUser');
  assert.is(event.userName, 'hank');
  assert.is(event.callerContext.clientId, 'CLIENT_ID_NOT_APPLICABLE');
  assert.equal(event.request.userAttributes, { email: 'hank@example.com' });
  assert.is(event.request.validationData, null);
  assert.equal(event.request.clientMetadata, { by: 'admin' });
  // autoConfirmUser does not skip the temporary password; autoVerifyEmail still applies.
  const stored = await status(poolId, 'hank');
  assert.is(stored.status, 'FORCE_CHANGE_PASSWORD');
  assert.is(stored.attributes.email_verified, 'true');
});

test('PreSignUp: a failing function rejects AdminCreateUser and stores nothing', async () => {
  const { poolId } = await pool({ PreSignUp: arn('reject') });
  const create = emulator.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ivan' }));
  await assertRejects(create, 'UserLambdaValidationException', 'PreSignUp failed with error Invalid email domain.');
  await assertRejects(emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ivan' })), 'UserNotFoundException');
});

test('PreSignUp: an ARN that names no local function is UnexpectedLambdaException, and nothing is stored', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('nowhere') });
  await assertRejects(signUp(clientId, 'jack'), 'UnexpectedLambdaException', /names no local function/);
  await assertRejects(emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'jack' })), 'UserNotFoundException');
});

test('PostConfirmation: ConfirmSignUp fires PostConfirmation_ConfirmSignUp with ClientMetadata', async () => {
  const { poolId, clientId } = await pool({ PostConfirmation: arn('post') });
  await signUp(clientId, 'kate');
  assert.is(rec.events.post, undefined);
  await emulator.client.send(new ConfirmSignUpCommand({
    ClientId: clientId, Username: 'kate', ConfirmationCode: '123456', ClientMetadata: { step: 'confirm' },
  }));
  const [event] = rec.events.post!;
  assert.is(event.triggerSource, 'PostConfirmation_ConfirmSignUp');
  assert.is(event.userPoolId, poolId);
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId });
  assert.is(event.request.userAttributes['cognito:user_status'], 'CONFIRMED');
  assert.is(event.request.userAttributes.email_verified, 'true');
  assert.equal(event.request.clientMetadata, { step: 'confirm' });
});

test('PostConfirmation: AdminConfirmSignUp fires it with CLIENT_ID_NOT_APPLICABLE', async () => {
  const { poolId, clientId } = await pool({ PostConfirmation: arn('post') });
  await signUp(clientId, 'liam');
  await emulator.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'liam' }));
  const [event] = rec.events.post!;
  assert.is(event.triggerSource, 'PostConfirmation_ConfirmSignUp');
  assert.is(event.callerContext.clientId, 'CLIENT_ID_NOT_APPLICABLE');
  assert.not.ok('clientMetadata' in event.request);
});

test('PostConfirmation: ConfirmForgotPassword fires PostConfirmation_ConfirmForgotPassword', async () => {
  const { poolId, clientId } = await pool({ PreSignUp: arn('confirm'), PostConfirmation: arn('post') });
  await signUp(clientId, 'mia');
  rec.clear();
  await emulator.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'mia' }));
  await emulator.client.send(new ConfirmForgotPasswordCommand({
    ClientId: clientId, Username: 'mia', ConfirmationCode: '123456', Password: 'N3w-Passw0rd!', ClientMetadata: { k: 'v' },
  }));
  const [event] = rec.events.post!;
  assert.is(event.triggerSource, 'PostConfirmation_ConfirmForgotPassword');
  assert.is(event.userPoolId, poolId);
  assert.is(event.callerContext.clientId, clientId);
  assert.equal(event.request.clientMetadata, { k: 'v' });
});

test('PostConfirmation: an error fails ConfirmSignUp with AWS wording, and the user stays confirmed', async () => {
  const { poolId, clientId } = await pool({ PostConfirmation: arn('postFails') });
  await signUp(clientId, 'nina');
  const confirm = emulator.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'nina', ConfirmationCode: '123456' }));
  await assertRejects(confirm, 'UserLambdaValidationException', 'PostConfirmation failed with error database unavailable.');
  assert.is((await status(poolId, 'nina')).status, 'CONFIRMED');
});

test.run();
