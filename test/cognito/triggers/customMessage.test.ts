import {
  AdminCreateUserCommand, AdminUpdateUserAttributesCommand, ForgotPasswordCommand, GetUserAttributeVerificationCodeCommand,
  ResendConfirmationCodeCommand, SetUserPoolMfaConfigCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { SMS } from '../operations/mfa/mfaFixtures.js';
import { confirmedUser, passwordSignIn, setUp, TEMP_PASSWORD, type Setup } from '../operations/signIn/signInFixtures.js';
import { arn, recorder, sentCodes } from './triggerFixtures.js';

// CustomMessage for every source: the function's text, with the code (and username) filled in, is what the inbox
// keeps; a body without the placeholders gives way to Cognito's default message.

const rec = recorder();
const functions = {
  message: rec.recording('message', (event) => {
    const { codeParameter, usernameParameter } = event.request;
    event.response.emailSubject = `Subject for ${event.triggerSource}`;
    event.response.emailMessage = usernameParameter
      ? `Welcome ${usernameParameter}, your password is ${codeParameter}`
      : `Email: your code is ${codeParameter}`;
    event.response.smsMessage = `SMS: ${codeParameter}`;
    return event;
  }),
  noPlaceholder: rec.recording('noPlaceholder', (event) => {
    event.response.emailSubject = 'Hello';
    event.response.emailMessage = 'There is no code in here';
    return event;
  }),
  codeOnly: rec.recording('codeOnly', (event) => {
    event.response.emailMessage = `Code ${event.request.codeParameter}`;
    return event;
  }),
  numeric: rec.recording('numeric', (event) => {
    event.response.emailMessage = 42;
    return event;
  }),
  throws: rec.recording('throws', async () => {
    throw new Error('template missing');
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

const withTrigger = (name: string, extra: Record<string, unknown> = {}) =>
  setUp(emulator, { AutoVerifiedAttributes: ['email'], LambdaConfig: { CustomMessage: arn(name) }, ...extra });

const signUp = (s: Setup, Username: string, ClientMetadata?: Record<string, string>) =>
  emulator.client.send(new SignUpCommand({
    ClientId: s.clientId, Username, Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
    ...(ClientMetadata ? { ClientMetadata } : {}),
  }));

test('CustomMessage: SignUp sends CustomMessage_SignUp, and the inbox keeps the text with the code filled in', async () => {
  const s = await withTrigger('message');
  const answer = await signUp(s, 'alice', { campaign: 'spring' });
  const [event] = rec.events.message!;
  assert.is(event.version, '1');
  assert.is(event.triggerSource, 'CustomMessage_SignUp');
  assert.is(event.region, 'us-east-1');
  assert.is(event.userPoolId, s.poolId);
  assert.is(event.userName, 'alice');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: s.clientId });
  assert.equal(event.request, {
    userAttributes: {
      sub: answer.UserSub,
      email: 'alice@example.com',
      'cognito:user_status': 'UNCONFIRMED',
    },
    codeParameter: '{####}',
    linkParameter: '{##Click Here##}',
    usernameParameter: null,
    clientMetadata: { campaign: 'spring' },
  });
  assert.equal(event.response, { smsMessage: null, emailMessage: null, emailSubject: null });
  const [sent] = await sentCodes(emulator, s.poolId, 'alice');
  assert.is(sent.code, '123456');
  assert.is(sent.kind, 'SIGN_UP');
  assert.is(sent.message, 'Email: your code is 123456');
  assert.is(sent.subject, 'Subject for CustomMessage_SignUp');
});

test('CustomMessage: ResendConfirmationCode sends CustomMessage_ResendCode', async () => {
  const s = await withTrigger('message');
  await signUp(s, 'bob');
  rec.clear();
  await emulator.client.send(new ResendConfirmationCodeCommand({ ClientId: s.clientId, Username: 'bob', ClientMetadata: { k: 'v' } }));
  const [event] = rec.events.message!;
  assert.is(event.triggerSource, 'CustomMessage_ResendCode');
  assert.equal(event.request.clientMetadata, { k: 'v' });
  const [sent] = await sentCodes(emulator, s.poolId, 'bob');
  assert.is(sent.kind, 'RESEND');
  assert.is(sent.subject, 'Subject for CustomMessage_ResendCode');
});

test('CustomMessage: ForgotPassword sends CustomMessage_ForgotPassword with userAttributes and clientMetadata', async () => {
  const s = await withTrigger('message');
  await confirmedUser(emulator, s, 'carol', [{ Name: 'email', Value: 'carol@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  rec.clear();
  await emulator.client.send(new ForgotPasswordCommand({ ClientId: s.clientId, Username: 'carol', ClientMetadata: { app: 'web' } }));
  const [event] = rec.events.message!;
  assert.is(event.triggerSource, 'CustomMessage_ForgotPassword');
  assert.is(event.request.userAttributes.email, 'carol@example.com');
  assert.is(event.request.userAttributes['cognito:user_status'], 'CONFIRMED');
  assert.equal(event.request.clientMetadata, { app: 'web' });
  const [sent] = await sentCodes(emulator, s.poolId, 'carol');
  assert.is(sent.kind, 'FORGOT_PASSWORD');
  assert.is(sent.message, 'Email: your code is 123456');
});

test('CustomMessage: AdminCreateUser sends usernameParameter, and the message carries username and password', async () => {
  const s = await withTrigger('message');
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: s.poolId, Username: 'dave', TemporaryPassword: TEMP_PASSWORD,
    UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }], DesiredDeliveryMediums: ['EMAIL'],
  }));
  const [event] = rec.events.message!;
  assert.is(event.triggerSource, 'CustomMessage_AdminCreateUser');
  assert.is(event.callerContext.clientId, 'CLIENT_ID_NOT_APPLICABLE');
  assert.is(event.request.usernameParameter, '{username}');
  assert.is(event.request.codeParameter, '{####}');
  assert.is(event.request.userAttributes['cognito:user_status'], 'FORCE_CHANGE_PASSWORD');
  const [sent] = await sentCodes(emulator, s.poolId, 'dave');
  assert.is(sent.kind, 'TEMPORARY_PASSWORD');
  assert.is(sent.message, `Welcome dave, your password is ${TEMP_PASSWORD}`);
});

test('CustomMessage: AdminUpdateUserAttributes sends CustomMessage_UpdateUserAttribute to the new address', async () => {
  const s = await withTrigger('message');
  await confirmedUser(emulator, s, 'erin', [{ Name: 'email', Value: 'erin@example.com' }]);
  rec.clear();
  await emulator.client.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: s.poolId, Username: 'erin', UserAttributes: [{ Name: 'email', Value: 'erin@new.example.com' }],
    ClientMetadata: { reason: 'moved' },
  }));
  const [event] = rec.events.message!;
  assert.is(event.triggerSource, 'CustomMessage_UpdateUserAttribute');
  assert.is(event.callerContext.clientId, 'CLIENT_ID_NOT_APPLICABLE');
  assert.equal(event.request.clientMetadata, { reason: 'moved' });
  const [sent] = await sentCodes(emulator, s.poolId, 'erin');
  assert.is(sent.destination, 'erin@new.example.com');
  assert.is(sent.subject, 'Subject for CustomMessage_UpdateUserAttribute');
});

test('CustomMessage: GetUserAttributeVerificationCode sends CustomMessage_VerifyUserAttribute', async () => {
  const s = await withTrigger('message');
  await confirmedUser(emulator, s, 'finn', [{ Name: 'email', Value: 'finn@example.com' }]);
  const tokens = await passwordSignIn(emulator, s.clientId, 'finn');
  rec.clear();
  await emulator.client.send(new GetUserAttributeVerificationCodeCommand({
    AccessToken: tokens.AuthenticationResult!.AccessToken, AttributeName: 'email',
  }));
  const [event] = rec.events.message!;
  assert.is(event.triggerSource, 'CustomMessage_VerifyUserAttribute');
  assert.is(event.callerContext.clientId, s.clientId);
  const [sent] = await sentCodes(emulator, s.poolId, 'finn');
  assert.is(sent.kind, 'VERIFY_ATTRIBUTE');
  assert.is(sent.message, 'Email: your code is 123456');
});

test('CustomMessage: an SMS MFA code sends CustomMessage_Authentication and delivers smsMessage', async () => {
  const s = await withTrigger('message');
  await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: s.poolId, MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsConfiguration: SMS },
  }));
  await confirmedUser(emulator, s, 'gina', [{ Name: 'phone_number', Value: '+15555551234' }]);
  rec.clear();
  const challenge = await passwordSignIn(emulator, s.clientId, 'gina');
  assert.is(challenge.ChallengeName, 'SMS_MFA');
  const [event] = rec.events.message!;
  assert.is(event.triggerSource, 'CustomMessage_Authentication');
  assert.is(event.callerContext.clientId, s.clientId);
  const [sent] = await sentCodes(emulator, s.poolId, 'gina');
  assert.is(sent.kind, 'MFA');
  assert.is(sent.message, 'SMS: 123456');
  assert.is(sent.subject, undefined);
});

test('CustomMessage: a body without the code placeholder gives way to the default message; the subject stays', async () => {
  const s = await withTrigger('noPlaceholder');
  await signUp(s, 'hank');
  const [sent] = await sentCodes(emulator, s.poolId, 'hank');
  assert.is(sent.code, '123456');
  assert.is(sent.message, undefined);
  assert.is(sent.subject, 'Hello');
});

test('CustomMessage: an AdminCreateUser body without {username} gives way to the default; SignUp keeps it', async () => {
  const s = await withTrigger('codeOnly');
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: s.poolId, Username: 'ivan', TemporaryPassword: TEMP_PASSWORD,
    UserAttributes: [{ Name: 'email', Value: 'ivan@example.com' }], DesiredDeliveryMediums: ['EMAIL'],
  }));
  assert.is((await sentCodes(emulator, s.poolId, 'ivan'))[0].message, undefined);
  await signUp(s, 'ivy');
  assert.is((await sentCodes(emulator, s.poolId, 'ivy'))[0].message, 'Code 123456');
});

test('CustomMessage: a thrown error fails SignUp with AWS wording and stores nothing', async () => {
  const s = await withTrigger('throws');
  await assertRejects(signUp(s, 'jack'), 'UserLambdaValidationException', 'CustomMessage failed with error template missing.');
  assert.equal(await sentCodes(emulator, s.poolId, 'jack'), []);
  await assertRejects(signUp(s, 'jack'), 'UserLambdaValidationException');
});

test('CustomMessage: a message that is not a string is InvalidLambdaResponseException', async () => {
  const s = await withTrigger('numeric');
  await assertRejects(signUp(s, 'kate'), 'InvalidLambdaResponseException');
});

test('CustomMessage: not called when the pool does not name it', async () => {
  const s = await setUp(emulator, { AutoVerifiedAttributes: ['email'] });
  await signUp(s, 'liam');
  assert.equal(rec.events, {});
  const [sent] = await sentCodes(emulator, s.poolId, 'liam');
  assert.is(sent.message, undefined);
});

test.run();
