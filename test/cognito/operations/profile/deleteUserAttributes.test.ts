import { DeleteUserAttributesCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { attr } from '../users/userFixtures.js';
import { signedIn } from './profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('DeleteUserAttributes: removes the attributes, an email with whether it was verified', async () => {
  const who = await signedIn(emulator, {
    attributes: [{ Name: 'email', Value: 'a@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'name', Value: 'A' }],
  });
  await emulator.client.send(new DeleteUserAttributesCommand({ AccessToken: who.tokens.AccessToken, UserAttributeNames: ['email', 'locale'] }));
  const { UserAttributes } = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(attr(UserAttributes, 'email'), undefined);
  assert.is(attr(UserAttributes, 'email_verified'), undefined);
  assert.is(attr(UserAttributes, 'name'), 'A');
});

test('DeleteUserAttributes: sub cannot go, nor what the client may not write', async () => {
  const who = await signedIn(emulator, { client: { WriteAttributes: ['name'] }, attributes: [{ Name: 'locale', Value: 'fr' }] });
  const remove = (name: string) =>
    emulator.client.send(new DeleteUserAttributesCommand({ AccessToken: who.tokens.AccessToken, UserAttributeNames: [name] }));
  await assertRejects(remove('locale'), 'NotAuthorizedException', 'A client attempted to write unauthorized attribute');
  const open = await signedIn(emulator);
  await assertRejects(
    emulator.client.send(new DeleteUserAttributesCommand({ AccessToken: open.tokens.AccessToken, UserAttributeNames: ['sub'] })),
    'InvalidParameterException',
    'user.sub: Attribute cannot be updated.',
  );
});

test('DeleteUserAttributes: bad input', async () => {
  const who = await signedIn(emulator);
  assertAwsError(
    await emulator.call('DeleteUserAttributes', { AccessToken: who.tokens.AccessToken }),
    'InvalidParameterException',
    400,
    /userAttributeNames.*must not be null/,
  );
  assertAwsError(
    await emulator.call('DeleteUserAttributes', { AccessToken: who.tokens.AccessToken, UserAttributeNames: [''] }),
    'InvalidParameterException',
    400,
    /userAttributeNames.1.member/,
  );
});

test.run();
