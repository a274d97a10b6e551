import {
  CreateUserPoolClientCommand, CreateUserPoolCommand, CreateUserPoolDomainCommand, ForgotPasswordCommand,
  ListUsersCommand, ResendConfirmationCodeCommand, SignUpCommand, AdminUpdateUserAttributesCommand,
  type VerificationMessageTemplateType,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rejection, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { arn, sentCodes } from '../triggers/triggerFixtures.js';

// CONFIRM_WITH_LINK (src/cognito/codes/confirmationLink.ts): the sign-up email carries a link to /confirmUser, kept
// with its code in the inbox; a pool without a domain cannot send one; other emails keep the code template.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({
    code: '123456',
    functions: {
      linkMessage: (event) => {
        if (event.triggerSource === 'CustomMessage_SignUp') {
          event.response.emailSubject = 'Welcome';
          event.response.emailMessage = `Hello ${event.userName}, ${event.request.linkParameter}`;
        }
        return event;
      },
    },
  });
});
test.after(async () => {
  await emulator.close();
});

let pools = 0;
/** A pool that verifies email, with a client and (unless `domain` is false) a domain. */
async function linkPool(template: VerificationMessageTemplateType, { domain = true, customMessage = false } = {}) {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({
    PoolName: 'links', AutoVerifiedAttributes: ['email'], VerificationMessageTemplate: template,
    ...(customMessage ? { LambdaConfig: { CustomMessage: arn('linkMessage') } } : {}),
  }));
  const poolId = UserPool!.Id!;
  if (domain) await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `links-${++pools}` }));
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web' }));
  return { poolId, clientId: UserPoolClient!.ClientId! };
}

const signUp = (clientId: string, username: string) => emulator.client.send(new SignUpCommand({
  ClientId: clientId, Username: username, Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
}));

const linkTo = (clientId: string, username: string, code = '123456') =>
  `http://localhost:${emulator.port}/confirmUser?client_id=${clientId}&amp;user_name=${username}&amp;confirmation_code=${code}`;

test('SignUp: with CONFIRM_WITH_LINK, the email is EmailMessageByLink with its placeholder made a link to /confirmUser', async () => {
  const { poolId, clientId } = await linkPool({
    DefaultEmailOption: 'CONFIRM_WITH_LINK', EmailSubjectByLink: 'Confirm your account', EmailMessageByLink: 'Welcome! <b>{##Confirm my account##}</b>',
  });
  const { CodeDeliveryDetails } = await signUp(clientId, 'ana');
  assert.is(CodeDeliveryDetails!.DeliveryMedium, 'EMAIL');
  const [sent] = await sentCodes(emulator, poolId, 'ana');
  assert.equal(
    [sent.kind, sent.code, sent.destination, sent.subject, sent.message],
    ['SIGN_UP', '123456', 'ana@example.com', 'Confirm your account', `Welcome! <b><a href="${linkTo(clientId, 'ana')}">Confirm my account</a></b>`],
  );
});

test('SignUp: with CONFIRM_WITH_LINK and no template, Cognito\'s default link message and subject', async () => {
  const { poolId, clientId } = await linkPool({ DefaultEmailOption: 'CONFIRM_WITH_LINK' });
  await signUp(clientId, 'bo');
  const [sent] = await sentCodes(emulator, poolId, 'bo');
  assert.is(sent.subject, 'Your verification link');
  assert.is(sent.message, `Please click the link below to verify your email address. <a href="${linkTo(clientId, 'bo')}">Verify Email</a> `);
});

test('ResendConfirmationCode: a link pool sends a new link', async () => {
  const { poolId, clientId } = await linkPool({ DefaultEmailOption: 'CONFIRM_WITH_LINK' });
  await signUp(clientId, 'cy');
  await emulator.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'cy' }));
  const [resent] = await sentCodes(emulator, poolId, 'cy');
  assert.is(resent.kind, 'RESEND');
  assert.match(resent.message, `<a href="${linkTo(clientId, 'cy')}">Verify Email</a>`);
});

test('SignUp: with CONFIRM_WITH_LINK and no domain, InvalidParameterException as AWS answers, and no user is made', async () => {
  const { poolId, clientId } = await linkPool({ DefaultEmailOption: 'CONFIRM_WITH_LINK' }, { domain: false });
  const error = await rejection(signUp(clientId, 'dee'));
  assert.equal([error.name, error.message], [
    'InvalidParameterException', 'Cannot perform specific action because there does not exist a valid use pool domain associated with the user pool',
  ]);
  assert.equal((await emulator.client.send(new ListUsersCommand({ UserPoolId: poolId }))).Users, []);
  assert.equal(await sentCodes(emulator, poolId, 'dee'), []);
});

test('CustomMessage: in a link pool, the linkParameter placeholder in its text becomes the link', async () => {
  const { poolId, clientId } = await linkPool({ DefaultEmailOption: 'CONFIRM_WITH_LINK' }, { customMessage: true });
  await signUp(clientId, 'eve');
  const [sent] = await sentCodes(emulator, poolId, 'eve');
  assert.equal([sent.subject, sent.message], ['Welcome', `Hello eve, <a href="${linkTo(clientId, 'eve')}">Click Here</a>`]);
});

test('ForgotPassword: a link pool still sends the code message (links are for sign-up only)', async () => {
  const { poolId, clientId } = await linkPool({ DefaultEmailOption: 'CONFIRM_WITH_LINK' });
  await signUp(clientId, 'fay');
  await emulator.client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'fay', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] }));
  await emulator.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'fay' }));
  const [reset] = await sentCodes(emulator, poolId, 'fay');
  assert.equal([reset.kind, reset.message, reset.subject], ['FORGOT_PASSWORD', undefined, undefined]);
});

test('SignUp: CONFIRM_WITH_CODE (the default) keeps the code message', async () => {
  const { poolId, clientId } = await linkPool({ DefaultEmailOption: 'CONFIRM_WITH_CODE', EmailMessageByLink: 'unused {##link##}' });
  await signUp(clientId, 'gil');
  const [sent] = await sentCodes(emulator, poolId, 'gil');
  assert.equal([sent.code, sent.message], ['123456', undefined]);
});

test.run();
