import {
  DescribeUserPoolClientCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { refresh, signedIn } from '../profile/profileFixtures.js';
import { secretHash } from '../../../../src/cognito/operations/signIn/flow/signInClient.js';
import { addClient, PASSWORD, passwordSignIn } from '../signIn/signInFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('RevokeToken: the refresh token and the tokens issued with it stop working; other sessions do not', async () => {
  const who = await signedIn(emulator);
  const other = await passwordSignIn(emulator, who.clientId, who.username);
  const answer = await emulator.call('RevokeToken', { Token: who.tokens.RefreshToken, ClientId: who.clientId });
  assert.is(answer.status, 200);
  assert.equal(answer.body, {});
  await assertRejects(refresh(emulator, who), 'NotAuthorizedException', 'Refresh Token has been revoked');
  await assertRejects(emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken })), 'NotAuthorizedException', 'Access Token has been revoked');
  await emulator.client.send(new GetUserCommand({ AccessToken: other.AuthenticationResult!.AccessToken }));
  // Revoking it again changes nothing and succeeds.
  await emulator.client.send(new RevokeTokenCommand({ Token: who.tokens.RefreshToken, ClientId: who.clientId }));
});

test('RevokeToken: access and ID tokens cannot be revoked', async () => {
  const who = await signedIn(emulator);
  for (const Token of [who.tokens.AccessToken, who.tokens.IdToken]) {
    await assertRejects(emulator.client.send(new RevokeTokenCommand({ Token, ClientId: who.clientId })), 'UnsupportedTokenTypeException');
  }
  await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
});

test('RevokeToken: a client with a secret must send it; another client cannot revoke the token', async () => {
  const who = await signedIn(emulator);
  const secretClient = await addClient(emulator, who.poolId, { GenerateSecret: true });
  const { UserPoolClient } = await emulator.client.send(new DescribeUserPoolClientCommand({ UserPoolId: who.poolId, ClientId: secretClient }));
  const secret = UserPoolClient!.ClientSecret!;
  const { AuthenticationResult } = await emulator.client.send(new InitiateAuthCommand({
    ClientId: secretClient, AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: who.username, PASSWORD, SECRET_HASH: secretHash(secret, who.username, secretClient) },
  }));
  const Token = AuthenticationResult!.RefreshToken;
  await assertRejects(emulator.client.send(new RevokeTokenCommand({ Token, ClientId: secretClient })), 'NotAuthorizedException');
  await assertRejects(emulator.client.send(new RevokeTokenCommand({ Token, ClientId: who.clientId })), 'NotAuthorizedException');
  await emulator.client.send(new RevokeTokenCommand({ Token, ClientId: secretClient, ClientSecret: secret }));
  await assertRejects(emulator.client.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken })), 'NotAuthorizedException', 'Access Token has been revoked');
});

test('RevokeToken: bad input', async () => {
  assertAwsError(await emulator.call('RevokeToken', { Token: 'abc' }), 'InvalidParameterException', 400, /clientId.*must not be null/);
  const spaced = await emulator.call('RevokeToken', { Token: 'not a token', ClientId: 'abc' });
  assertAwsError(spaced, 'InvalidParameterException', 400, /Value at 'token' failed to satisfy constraint/);
  assert.not.match(spaced.body.message, /not a token/);
  assertAwsError(await emulator.call('RevokeToken', { Token: 'abc.def', ClientId: 'abc', ClientSecret: 'has-dash' }), 'InvalidParameterException', 400, /clientSecret/);
});

test.run();
