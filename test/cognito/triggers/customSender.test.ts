import { AdminCreateUserCommand, ForgotPasswordCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decryptCode } from '../../../src/cognito/triggers/localKms.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { confirmedUser, setUp, TEMP_PASSWORD } from '../operations/signIn/signInFixtures.js';
import { arn, recorder, sentCodes } from './triggerFixtures.js';

// CustomEmailSender and CustomSMSSender: invoked after the call has answered, with the code sealed under the local
// stand-in for the pool's KMS key, which `decryptCode` opens.

const KMS_KEY = 'arn:aws:kms:us-east-1:000000000000:key/11111111-2222-3333-4444-555555555555';
const rec = recorder();
let arrived: (() => void) | undefined;
const next = () => new Promise<void>((resolve) => (arrived = resolve));
const functions = {
  email: rec.recording('email', (event) => {
    arrived?.();
    return event;
  }),
  sms: rec.recording('sms', (event) => {
    arrived?.();
    return event;
  }),
  message: rec.recording('message', (event) => {
    event.response.emailMessage = `custom ${event.request.codeParameter}`;
    return event;
  }),
  failing: rec.recording('failing', async () => {
    arrived?.();
    throw new Error('mail provider down');
  }),
};

const errors: string[] = [];
let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({
    functions,
    code: '123456',
    log: { info: () => {}, error: (message) => errors.push(message) },
  });
});
test.before.each(() => rec.clear());
test.after(async () => {
  await emulator.close();
});

const senders = (email: string, extra: Record<string, unknown> = {}) => ({
  AutoVerifiedAttributes: ['email' as const],
  LambdaConfig: {
    CustomEmailSender: { LambdaVersion: 'V1_0' as const, LambdaArn: arn(email) },
    CustomSMSSender: { LambdaVersion: 'V1_0' as const, LambdaArn: arn('sms') },
    KMSKeyID: KMS_KEY,
    ...extra,
  },
});

test('CustomEmailSender: SignUp hands the encrypted code to the function, which decryptCode opens', async () => {
  const s = await setUp(emulator, senders('email'));
  const arrival = next();
  const answer = await emulator.client.send(new SignUpCommand({
    ClientId: s.clientId, Username: 'alice', Password: 'Passw0rd!',
    UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }], ClientMetadata: { lang: 'en' },
  }));
  assert.is(answer.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
  await arrival;
  const [event] = rec.events.email!;
  assert.is(event.version, '1');
  assert.is(event.triggerSource, 'CustomEmailSender_SignUp');
  assert.is(event.userPoolId, s.poolId);
  assert.is(event.userName, 'alice');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: s.clientId });
  assert.is(event.request.type, 'customEmailSenderRequestV1');
  assert.not.equal(event.request.code, '123456');
  assert.is(decryptCode(event.request.code, KMS_KEY), '123456');
  assert.throws(() => decryptCode(event.request.code, 'another-key'));
  assert.is(event.request.userAttributes.email, 'alice@example.com');
  assert.is(event.request.userAttributes['cognito:user_status'], 'UNCONFIRMED');
  assert.equal(event.request.clientMetadata, { lang: 'en' });
  assert.equal(event.response, {});
  // The inbox still keeps the code, as for every code cogniform sends.
  assert.is((await sentCodes(emulator, s.poolId, 'alice'))[0].code, '123456');
});

test('CustomEmailSender: replaces CustomMessage for email', async () => {
  const s = await setUp(emulator, senders('email', { CustomMessage: arn('message') }));
  const arrival = next();
  await emulator.client.send(new SignUpCommand({
    ClientId: s.clientId, Username: 'bob', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }],
  }));
  await arrival;
  assert.is(rec.events.message, undefined);
  assert.is(rec.events.email!.length, 1);
});

test('CustomEmailSender: ForgotPassword is CustomEmailSender_ForgotPassword', async () => {
  const s = await setUp(emulator, senders('email'));
  await confirmedUser(emulator, s, 'carol', [{ Name: 'email', Value: 'carol@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  rec.clear();
  const arrival = next();
  await emulator.client.send(new ForgotPasswordCommand({ ClientId: s.clientId, Username: 'carol' }));
  await arrival;
  const [event] = rec.events.email!;
  assert.is(event.triggerSource, 'CustomEmailSender_ForgotPassword');
  assert.is(decryptCode(event.request.code, KMS_KEY), '123456');
});

test('CustomSMSSender: AdminCreateUser hands the temporary password to the SMS sender', async () => {
  const s = await setUp(emulator, senders('email'));
  const arrival = next();
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: s.poolId, Username: 'dave', TemporaryPassword: TEMP_PASSWORD,
    UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }],
  }));
  await arrival;
  const [event] = rec.events.sms!;
  assert.is(event.triggerSource, 'CustomSMSSender_AdminCreateUser');
  assert.is(event.callerContext.clientId, 'CLIENT_ID_NOT_APPLICABLE');
  assert.is(event.request.type, 'customSMSSenderRequestV1');
  assert.is(decryptCode(event.request.code, KMS_KEY), TEMP_PASSWORD);
  assert.is(rec.events.email, undefined);
});

test('CustomEmailSender: a failing sender cannot fail the call; its error is logged', async () => {
  const s = await setUp(emulator, senders('failing'));
  const arrival = next();
  const answer = await emulator.client.send(new SignUpCommand({
    ClientId: s.clientId, Username: 'erin', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }],
  }));
  assert.is(answer.UserConfirmed, false);
  await arrival;
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(errors.some((line) => line.startsWith('CustomEmailSender for erin')), errors.join('\n'));
});

test('CustomEmailSender: a send scheduled in a transaction that fails never happens; one that commits does', async () => {
  // The senders are scheduled with Transaction.afterCommit (src/cognito/codes/delivery.ts).
  const ran: string[] = [];
  await emulator.store
    .transact('lock', async (tx) => {
      tx.afterCommit(() => ran.push('failed'));
      throw new Error('rolled back');
    })
    .catch(() => undefined);
  await emulator.store.transact('lock', async (tx) => {
    tx.afterCommit(() => ran.push('committed'));
    assert.equal(ran, []);
  });
  assert.equal(ran, ['committed']);
});

test.run();
