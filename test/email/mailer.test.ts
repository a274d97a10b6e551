import { AdminCreateUserCommand, SignUpCommand, type CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SmtpSettings } from '../../src/config.js';
import { arn, sentCodes } from '../cognito/triggers/triggerFixtures.js';
import { setUp } from '../cognito/operations/signIn/signInFixtures.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { eventually } from '../helpers/eventually.js';
import { startSmtp, type LocalSmtp } from './smtpServer.js';

// Real email delivery: every email Cognito itself would send reaches a real SMTP server on an ephemeral port, after
// the call has answered; a broken SMTP setting never fails the call.

const functions = {
  message: (event: any) => {
    event.response.emailSubject = `Hello ${event.request.userAttributes.email}`;
    event.response.emailMessage = `<p>Enter <b>${event.request.codeParameter}</b> to finish signing up</p>`;
    return event;
  },
  sender: () => undefined,
};

let smtp: LocalSmtp | undefined;
let emulator: TestEmulator | undefined;
let logged: { info: string[]; error: string[] };

async function start(settings: Partial<SmtpSettings> | undefined, server: Parameters<typeof startSmtp>[0] = {}) {
  smtp = await startSmtp(server);
  logged = { info: [], error: [] };
  emulator = await startTestEmulator({
    functions,
    log: { info: (m) => logged.info.push(m), error: (m) => logged.error.push(m) },
    ...(settings ? { smtp: { host: '127.0.0.1', port: smtp.port, ...settings } } : {}),
  });
  return { smtp, emulator };
}

test.after.each(async () => {
  await emulator?.close();
  await smtp?.close();
  emulator = smtp = undefined;
});

const emailPool = (e: TestEmulator, extra: Partial<CreateUserPoolRequest> = {}) =>
  setUp(e, { AutoVerifiedAttributes: ['email'], ...extra });

const signUp = (e: TestEmulator, clientId: string, Username: string, attributes = [{ Name: 'email', Value: `${Username}@example.com` }]) =>
  e.client.send(new SignUpCommand({ ClientId: clientId, Username, Password: 'Passw0rd!', UserAttributes: attributes }));

test('Email: SignUp mails the confirmation code with the pool\'s subject and message, from Cognito\'s sender', async () => {
  const { smtp, emulator } = await start({});
  const s = await emailPool(emulator, {
    VerificationMessageTemplate: { EmailSubject: 'Welcome to Acme', EmailMessage: 'Your Acme code is {####}' },
  });
  await signUp(emulator, s.clientId, 'alice');
  const [code] = await sentCodes(emulator, s.poolId, 'alice');
  await eventually(async () => assert.is(smtp.received.length, 1));
  const [email] = smtp.received;
  assert.is(email!.from, 'no-reply@verificationemail.com');
  assert.equal(email!.to, ['alice@example.com']);
  assert.is(email!.headers.subject, 'Welcome to Acme');
  assert.match(email!.headers['content-type']!, /^text\/html/);
  assert.is(email!.body, `Your Acme code is ${code.code}`);
});

test('Email: a pool without templates gets Cognito\'s default message; the pool\'s From and ReplyTo are used', async () => {
  const { smtp, emulator } = await start({});
  const s = await emailPool(emulator, {
    EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', From: 'Acme <hello@acme.test>', ReplyToEmailAddress: 'help@acme.test' },
  });
  await signUp(emulator, s.clientId, 'bob');
  const [code] = await sentCodes(emulator, s.poolId, 'bob');
  await eventually(async () => assert.is(smtp.received.length, 1));
  const [email] = smtp.received;
  assert.is(email!.from, 'hello@acme.test');
  assert.is(email!.headers.from, 'Acme <hello@acme.test>');
  assert.is(email!.headers['reply-to'], 'help@acme.test');
  assert.is(email!.headers.subject, 'Your verification code');
  assert.is(email!.body, `Your verification code is ${code.code}.`);
});

test('Email: the CustomMessage trigger\'s subject and body arrive as written, code filled in', async () => {
  const { smtp, emulator } = await start({});
  const s = await emailPool(emulator, { LambdaConfig: { CustomMessage: arn('message') } });
  await signUp(emulator, s.clientId, 'carol');
  const [code] = await sentCodes(emulator, s.poolId, 'carol');
  await eventually(async () => assert.is(smtp.received.length, 1));
  assert.is(smtp.received[0]!.headers.subject, 'Hello carol@example.com');
  assert.is(smtp.received[0]!.body, `<p>Enter <b>${code.code}</b> to finish signing up</p>`);
});

test('Email: AdminCreateUser mails the invitation template from SMTP_EMAIL, which comes before the pool\'s From', async () => {
  const { smtp, emulator } = await start({ from: 'dev@cogniform.test' });
  const s = await emailPool(emulator, {
    EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/ses@acme.test' },
    AdminCreateUserConfig: {
      InviteMessageTemplate: { EmailSubject: 'Join Acme', EmailMessage: 'User {username}, password {####}' },
    },
  });
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: s.poolId, Username: 'dave', DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
  }));
  const [invitation] = await sentCodes(emulator, s.poolId, 'dave');
  await eventually(async () => assert.is(smtp.received.length, 1));
  assert.is(smtp.received[0]!.from, 'dev@cogniform.test');
  assert.is(smtp.received[0]!.headers.subject, 'Join Acme');
  assert.is(smtp.received[0]!.body, `User dave, password ${invitation.code}`);
});

test('Email: SMS and a custom email sender\'s messages are not mailed', async () => {
  const { smtp, emulator } = await start({});
  const sms = await setUp(emulator, { AutoVerifiedAttributes: ['phone_number'] });
  await signUp(emulator, sms.clientId, 'erin', [{ Name: 'phone_number', Value: '+15555550100' }, { Name: 'email', Value: 'erin@example.com' }]);
  const custom = await emailPool(emulator, {
    LambdaConfig: { CustomEmailSender: { LambdaArn: arn('sender'), LambdaVersion: 'V1_0' }, KMSKeyID: 'arn:aws:kms:us-east-1:000000000000:key/k' },
  });
  await signUp(emulator, custom.clientId, 'frank');
  // Sent after the two above, over the same path: once it has arrived, they would have too.
  const plain = await emailPool(emulator);
  await signUp(emulator, plain.clientId, 'grace');
  await eventually(async () => assert.ok(smtp.received.length >= 1));
  assert.equal(smtp.received.map((e) => e.to), [['grace@example.com']]);
  assert.is((await sentCodes(emulator, sms.poolId, 'erin')).length, 1);
});

test('Email: SignUp succeeds when the SMTP server cannot be reached, and the log says which setting to check', async () => {
  const closed = await startSmtp();
  await closed.close();
  const { emulator } = await start({ port: closed.port });
  const s = await emailPool(emulator);
  const answer = await signUp(emulator, s.clientId, 'heidi');
  assert.is(answer.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
  assert.is((await sentCodes(emulator, s.poolId, 'heidi')).length, 1);
  await eventually(async () => assert.is(logged.error.length, 1));
  assert.match(logged.error[0]!, `email to heidi@example.com not sent: SMTP 127.0.0.1:${closed.port} could not be reached`);
  assert.match(logged.error[0]!, 'check SMTP_HOST and SMTP_PORT');
});

test('Email: SMTP_USER and SMTP_PASS log in to a server that requires AUTH', async () => {
  const { smtp, emulator } = await start(
    { user: 'mailer', pass: 's3cret' },
    { disabledCommands: ['STARTTLS'], authOptional: false, allowInsecureAuth: true },
  );
  const s = await emailPool(emulator);
  await signUp(emulator, s.clientId, 'ivan');
  await eventually(async () => assert.is(smtp.received.length, 1));
  assert.equal(smtp.logins, [{ username: 'mailer', password: 's3cret' }]);
});

test('Email: a login the server refuses is logged, and names SMTP_USER and SMTP_PASS', async () => {
  const { smtp, emulator } = await start(
    { user: 'mailer', pass: 'wrong' },
    {
      disabledCommands: ['STARTTLS'], authOptional: false, allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(new Error('Invalid username or password')),
    },
  );
  const s = await emailPool(emulator);
  await signUp(emulator, s.clientId, 'judy');
  await eventually(async () => assert.is(logged.error.length, 1));
  assert.match(logged.error[0]!, 'refused the login');
  assert.match(logged.error[0]!, 'check SMTP_USER and SMTP_PASS');
  assert.is(smtp.received.length, 0);
});

test('Email: STARTTLS is used when the server offers it (here with an untrusted certificate, so the send fails)', async () => {
  const { smtp, emulator } = await start({}, { disabledCommands: ['AUTH'] });
  const s = await emailPool(emulator);
  await signUp(emulator, s.clientId, 'kim');
  await eventually(async () => assert.is(logged.error.length, 1));
  assert.match(logged.error[0]!, `email to kim@example.com not sent: SMTP 127.0.0.1:${smtp.port}: TLS failed (`);
  assert.match(logged.error[0]!, /certificate.*NODE_EXTRA_CA_CERTS/);
  assert.is(smtp.received.length, 0);
});

test('Email: startup says where email goes', async () => {
  await start({ from: 'dev@cogniform.test' });
  assert.ok(logged.info.includes(`email: SMTP 127.0.0.1:${smtp!.port} as dev@cogniform.test`));
  await emulator!.close();
  await smtp!.close();
  await start(undefined);
  assert.ok(logged.info.includes('email: not sent (set SMTP_HOST to send it); codes are printed and kept in the inbox'));
  const s = await emailPool(emulator!);
  await signUp(emulator!, s.clientId, 'leo');
  assert.is((await sentCodes(emulator!, s.poolId, 'leo')).length, 1);
});

test.run();
