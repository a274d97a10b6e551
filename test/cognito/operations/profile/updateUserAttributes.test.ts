import {
  AdminGetUserCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { attr } from '../users/userFixtures.js';
import { CODE, sentCodes, signedIn } from './profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({ code: CODE });
});
test.after(async () => {
  await emulator.close();
});

const VERIFIED_EMAIL = [
  { Name: 'email', Value: 'old@example.com' },
  { Name: 'email_verified', Value: 'true' },
];

test('UpdateUserAttributes: sets attributes; nothing to verify answers no delivery list', async () => {
  const who = await signedIn(emulator);
  const answer = await emulator.call('UpdateUserAttributes', {
    AccessToken: who.tokens.AccessToken,
    UserAttributes: [{ Name: 'name', Value: 'Alice' }],
  });
  assert.is(answer.status, 200);
  assert.equal(answer.body, {});
  const { UserAttributes } = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(attr(UserAttributes, 'name'), 'Alice');
});

test('UpdateUserAttributes: a new email in a pool that verifies emails is unverified and gets a code', async () => {
  const who = await signedIn(emulator, { pool: { AutoVerifiedAttributes: ['email'] }, attributes: VERIFIED_EMAIL });
  const { CodeDeliveryDetailsList } = await emulator.client.send(new UpdateUserAttributesCommand({
    AccessToken: who.tokens.AccessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.org' }],
  }));
  assert.equal(CodeDeliveryDetailsList, [{ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: who.poolId, Username: who.username }));
  assert.is(attr(user.UserAttributes, 'email'), 'new@example.org');
  assert.is(attr(user.UserAttributes, 'email_verified'), 'false');
  const [sent] = await sentCodes(emulator, who.poolId, who.username);
  assert.is(sent!.kind, 'VERIFY_ATTRIBUTE');
  assert.is(sent!.destination, 'new@example.org');
});

test('UpdateUserAttributes: a new email in a pool that does not verify emails is set unverified, with no code', async () => {
  const who = await signedIn(emulator, { attributes: VERIFIED_EMAIL });
  const answer = await emulator.client.send(new UpdateUserAttributesCommand({
    AccessToken: who.tokens.AccessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.org' }],
  }));
  assert.is(answer.CodeDeliveryDetailsList, undefined);
  const { UserAttributes } = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(attr(UserAttributes, 'email_verified'), 'false');
  assert.equal(await sentCodes(emulator, who.poolId, who.username), []);
});

test('UpdateUserAttributes: with AttributesRequireVerificationBeforeUpdate the old email stays until the code comes back', async () => {
  const who = await signedIn(emulator, {
    pool: {
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    },
    attributes: VERIFIED_EMAIL,
  });
  const { CodeDeliveryDetailsList } = await emulator.client.send(new UpdateUserAttributesCommand({
    AccessToken: who.tokens.AccessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.org' }],
  }));
  assert.is(CodeDeliveryDetailsList?.[0]?.Destination, 'n***@e***');
  const [sent] = await sentCodes(emulator, who.poolId, who.username);
  assert.is(sent!.destination, 'new@example.org');
  const before = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(attr(before.UserAttributes, 'email'), 'old@example.com');
  assert.is(attr(before.UserAttributes, 'email_verified'), 'true');
  await emulator.client.send(new VerifyUserAttributeCommand({ AccessToken: who.tokens.AccessToken, AttributeName: 'email', Code: CODE }));
  const after = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(attr(after.UserAttributes, 'email'), 'new@example.org');
  assert.is(attr(after.UserAttributes, 'email_verified'), 'true');
});

test('UpdateUserAttributes: a client writes only its WriteAttributes, and never *_verified', async () => {
  const who = await signedIn(emulator, { client: { WriteAttributes: ['name'] } });
  const update = (Name: string, Value: string) =>
    emulator.client.send(new UpdateUserAttributesCommand({ AccessToken: who.tokens.AccessToken, UserAttributes: [{ Name, Value }] }));
  await assertRejects(update('family_name', 'Smith'), 'NotAuthorizedException', 'A client attempted to write unauthorized attribute');
  await update('name', 'Alice');
  const open = await signedIn(emulator, { attributes: [{ Name: 'email', Value: 'a@example.com' }] });
  await assertRejects(
    emulator.client.send(new UpdateUserAttributesCommand({
      AccessToken: open.tokens.AccessToken, UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
    })),
    'NotAuthorizedException',
    'A client attempted to write unauthorized attribute',
  );
});

test('UpdateUserAttributes: sub, unknown attributes and bad values are refused as AdminUpdateUserAttributes refuses them', async () => {
  const who = await signedIn(emulator);
  const update = (Name: string, Value: string) =>
    emulator.client.send(new UpdateUserAttributesCommand({ AccessToken: who.tokens.AccessToken, UserAttributes: [{ Name, Value }] }));
  await assertRejects(update('sub', 'x'), 'InvalidParameterException', 'user.sub: Attribute cannot be updated.');
  await assertRejects(update('custom:nope', 'x'), 'InvalidParameterException', /could not be determined/);
  await assertRejects(update('email', 'not-an-email'), 'InvalidParameterException', 'Invalid email address format.');
});

test('UpdateUserAttributes: bad input', async () => {
  const who = await signedIn(emulator);
  assertAwsError(
    await emulator.call('UpdateUserAttributes', { AccessToken: who.tokens.AccessToken }),
    'InvalidParameterException',
    400,
    /userAttributes.*must not be null/,
  );
  assertAwsError(
    await emulator.call('UpdateUserAttributes', { AccessToken: 'garbage', UserAttributes: [] }),
    'NotAuthorizedException',
    403,
    'Invalid Access Token',
  );
});

test.run();
