import { GetUserCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { refresh, signedIn, tokensWithScopes } from '../profile/profileFixtures.js';
import { passwordSignIn } from '../signIn/signInFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('GlobalSignOut: every token issued so far stops working; a new sign-in works', async () => {
  const who = await signedIn(emulator);
  const second = await passwordSignIn(emulator, who.clientId, who.username);
  const answer = await emulator.call('GlobalSignOut', { AccessToken: who.tokens.AccessToken });
  assert.is(answer.status, 200);
  assert.equal(answer.body, {});
  for (const token of [who.tokens.AccessToken, second.AuthenticationResult!.AccessToken]) {
    await assertRejects(emulator.client.send(new GetUserCommand({ AccessToken: token })), 'NotAuthorizedException', 'Access Token has been revoked');
  }
  await assertRejects(refresh(emulator, who), 'NotAuthorizedException');
  await assertRejects(emulator.client.send(new GlobalSignOutCommand({ AccessToken: who.tokens.AccessToken })), 'NotAuthorizedException');
  const fresh = await passwordSignIn(emulator, who.clientId, who.username);
  const { Username } = await emulator.client.send(new GetUserCommand({ AccessToken: fresh.AuthenticationResult!.AccessToken }));
  assert.is(Username, who.username);
});

test('GlobalSignOut: other users stay signed in', async () => {
  const alice = await signedIn(emulator);
  const bob = await signedIn(emulator, { username: 'bob' });
  await emulator.client.send(new GlobalSignOutCommand({ AccessToken: alice.tokens.AccessToken }));
  const { Username } = await emulator.client.send(new GetUserCommand({ AccessToken: bob.tokens.AccessToken }));
  assert.is(Username, 'bob');
});

test('GlobalSignOut: needs the aws.cognito.signin.user.admin scope', async () => {
  const who = await signedIn(emulator);
  const { AccessToken } = await tokensWithScopes(emulator, who, ['openid']);
  await assertRejects(emulator.client.send(new GlobalSignOutCommand({ AccessToken })), 'NotAuthorizedException', 'Access Token does not have required scopes');
  await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
});

test('GlobalSignOut: bad input', async () => {
  assertAwsError(await emulator.call('GlobalSignOut', {}), 'InvalidParameterException', 400, /accessToken.*must not be null/);
  assertAwsError(await emulator.call('GlobalSignOut', { AccessToken: 'a.b.c' }), 'NotAuthorizedException', 403, 'Invalid Access Token');
});

test.run();
