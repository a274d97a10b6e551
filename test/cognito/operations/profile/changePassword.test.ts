import { ChangePasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { PASSWORD, passwordSignIn } from '../signIn/signInFixtures.js';
import { movableClock } from '../signUp/signUpFixtures.js';
import { signedIn } from './profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const NEW_PASSWORD = 'Another-Passw0rd!';

test('ChangePassword: the new password signs in, the old one no longer does, tokens keep working', async () => {
  const who = await signedIn(emulator);
  await emulator.client.send(new ChangePasswordCommand({
    AccessToken: who.tokens.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: NEW_PASSWORD,
  }));
  await assertRejects(passwordSignIn(emulator, who.clientId, who.username), 'NotAuthorizedException', 'Incorrect username or password.');
  const { AuthenticationResult } = await passwordSignIn(emulator, who.clientId, who.username, NEW_PASSWORD);
  assert.ok(AuthenticationResult?.AccessToken);
  // The token that changed it still works: ChangePassword signs nobody out.
  await emulator.client.send(new ChangePasswordCommand({
    AccessToken: who.tokens.AccessToken, PreviousPassword: NEW_PASSWORD, ProposedPassword: PASSWORD,
  }));
});

test('ChangePassword: a wrong or missing previous password is refused as a wrong sign-in password', async () => {
  const who = await signedIn(emulator);
  await assertRejects(
    emulator.client.send(new ChangePasswordCommand({
      AccessToken: who.tokens.AccessToken, PreviousPassword: 'Wrong-Passw0rd!', ProposedPassword: NEW_PASSWORD,
    })),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  await assertRejects(
    emulator.client.send(new ChangePasswordCommand({ AccessToken: who.tokens.AccessToken, ProposedPassword: NEW_PASSWORD })),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  const { AuthenticationResult } = await passwordSignIn(emulator, who.clientId, who.username);
  assert.ok(AuthenticationResult);
});

test('ChangePassword: the new password must meet the pool\'s policy', async () => {
  const who = await signedIn(emulator);
  await assertRejects(
    emulator.client.send(new ChangePasswordCommand({
      AccessToken: who.tokens.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: 'alllowercase1!',
    })),
    'InvalidPasswordException',
    'Password did not conform with policy: Password must have uppercase characters',
  );
});

test('ChangePassword: bad input', async () => {
  const who = await signedIn(emulator);
  assertAwsError(
    await emulator.call('ChangePassword', { AccessToken: who.tokens.AccessToken, PreviousPassword: PASSWORD }),
    'InvalidParameterException',
    400,
    /proposedPassword.*must not be null/,
  );
  const spaced = await emulator.call('ChangePassword', {
    AccessToken: who.tokens.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: ' Leading-Space1!',
  });
  assertAwsError(spaced, 'InvalidParameterException', 400, /Value at 'proposedPassword' failed to satisfy constraint/);
  assert.not.match(spaced.body.message, /Leading/);
});

test('ChangePassword: after five wrong previous passwords, LimitExceededException until the lockout ends', async () => {
  const clock = movableClock(new Date());
  const local = await startTestEmulator({ clock });
  try {
    const who = await signedIn(local);
    const change = (PreviousPassword: string) => local.client.send(new ChangePasswordCommand({
      AccessToken: who.tokens.AccessToken, PreviousPassword, ProposedPassword: NEW_PASSWORD,
    }));
    for (let i = 0; i < 5; i++) await assertRejects(change('Wrong-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
    await assertRejects(change(PASSWORD), 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    // Sign-in has its own count.
    assert.ok((await passwordSignIn(local, who.clientId, who.username)).AuthenticationResult);
    clock.advance(1000);
    await change(PASSWORD);
    assert.ok((await passwordSignIn(local, who.clientId, who.username, NEW_PASSWORD)).AuthenticationResult);
  } finally {
    await local.close();
  }
});

test.run();
