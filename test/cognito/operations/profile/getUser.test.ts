import { AdminDisableUserCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { movableClock } from '../../tokens/fixture.js';
import { signedIn, tokensWithScopes } from './profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('GetUser: answers the token user\'s username and attributes, and nothing of the admin view', async () => {
  const who = await signedIn(emulator, { attributes: [{ Name: 'email', Value: 'alice@example.com' }] });
  const answer = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(answer.Username, 'alice');
  assert.is(answer.UserAttributes?.find((a) => a.Name === 'email')?.Value, 'alice@example.com');
  assert.ok(answer.UserAttributes?.some((a) => a.Name === 'sub'));
  const raw = await emulator.call('GetUser', { AccessToken: who.tokens.AccessToken });
  assert.equal(Object.keys(raw.body).sort(), ['UserAttributes', 'Username']);
});

test('GetUser: a forged, altered or ID token is "Invalid Access Token"', async () => {
  const who = await signedIn(emulator);
  const [header, payload, signature] = who.tokens.AccessToken!.split('.');
  const altered = [header, payload, `${signature!.slice(0, -2)}AA`].join('.');
  for (const token of [altered, 'not.a.token', who.tokens.IdToken!]) {
    await assertRejects(emulator.client.send(new GetUserCommand({ AccessToken: token })), 'NotAuthorizedException', 'Invalid Access Token');
  }
});

test('GetUser: an expired access token says so', async () => {
  const clock = movableClock(Date.now());
  const local = await startTestEmulator({ clock });
  try {
    const who = await signedIn(local);
    clock.advance(3_601_000);
    await assertRejects(local.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken })), 'NotAuthorizedException', 'Access Token has expired');
  } finally {
    await local.close();
  }
});

test('GetUser: a disabled user\'s token is refused', async () => {
  const who = await signedIn(emulator);
  await emulator.client.send(new AdminDisableUserCommand({ UserPoolId: who.poolId, Username: who.username }));
  await assertRejects(emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken })), 'NotAuthorizedException',
    'Access Token has been revoked'); // AdminDisableUser revokes every access token (AWS API reference)
});

test('GetUser: a token without aws.cognito.signin.user.admin lacks the required scope', async () => {
  const who = await signedIn(emulator);
  const { AccessToken } = await tokensWithScopes(emulator, who, ['openid', 'email']);
  await assertRejects(
    emulator.client.send(new GetUserCommand({ AccessToken })),
    'NotAuthorizedException',
    'Access Token does not have required scopes',
  );
});

test('GetUser: bad input', async () => {
  assertAwsError(await emulator.call('GetUser', {}), 'InvalidParameterException', 400, /accessToken.*must not be null/);
  const spaced = await emulator.call('GetUser', { AccessToken: 'has spaces' });
  assertAwsError(spaced, 'InvalidParameterException', 400, /at 'accessToken' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assert.not.match(spaced.body.message, /has spaces/);
  assertAwsError(await emulator.call('GetUser', { AccessToken: 42 }), 'SerializationException');
});

test.run();
