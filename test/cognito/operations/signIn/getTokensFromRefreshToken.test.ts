import { createHmac } from 'node:crypto';
import {
  CreateUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { addClient, claims, confirmedUser, PASSWORD, passwordSignIn, setUp, type Setup } from './signInFixtures.js';

let emulator: TestEmulator;
let setup: Setup;
test.before(async () => {
  emulator = await startTestEmulator();
  setup = await setUp(emulator);
  await confirmedUser(emulator, setup, 'alice');
});
test.after(async () => {
  await emulator.close();
});

const refreshTokenOf = async (clientId: string) =>
  (await passwordSignIn(emulator, clientId, 'alice')).AuthenticationResult!.RefreshToken!;

test('GetTokensFromRefreshToken: without rotation answers new ID and access tokens only', async () => {
  const RefreshToken = await refreshTokenOf(setup.clientId);
  const { AuthenticationResult } = await emulator.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: setup.clientId, RefreshToken }));
  assert.is(AuthenticationResult!.RefreshToken, undefined);
  assert.is(claims(AuthenticationResult!.IdToken)['cognito:username'], 'alice');
  assert.is(AuthenticationResult!.TokenType, 'Bearer');
});

test('GetTokensFromRefreshToken: with rotation answers a new refresh token, and REFRESH_TOKEN_AUTH is refused', async () => {
  const rotating = await addClient(emulator, setup.poolId, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
  const RefreshToken = await refreshTokenOf(rotating);
  const { AuthenticationResult } = await emulator.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: rotating, RefreshToken }));
  assert.type(AuthenticationResult!.RefreshToken, 'string');
  assert.is.not(AuthenticationResult!.RefreshToken, RefreshToken);
  await assertRejects(emulator.client.send(new InitiateAuthCommand({
    ClientId: rotating, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken },
  })), 'InvalidParameterException');
});

test('GetTokensFromRefreshToken: a client with a secret must send it', async () => {
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: setup.poolId, ClientName: 'server', GenerateSecret: true,
    ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const { ClientId, ClientSecret } = UserPoolClient!;
  const signIn = await emulator.call('AdminInitiateAuth', { UserPoolId: setup.poolId, ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: createHmac('sha256', ClientSecret!).update(`alice${ClientId}`).digest('base64') } });
  const RefreshToken = signIn.body.AuthenticationResult.RefreshToken;
  assertAwsError(await emulator.call('GetTokensFromRefreshToken', { ClientId, RefreshToken }), 'NotAuthorizedException', 403,
    `Unable to verify secret hash for client ${ClientId}`);
  const ok = await emulator.call('GetTokensFromRefreshToken', { ClientId, RefreshToken, ClientSecret });
  assert.is(ok.status, 200);
  assert.type(ok.body.AuthenticationResult.AccessToken, 'string');
});

test('GetTokensFromRefreshToken: bad input answers AWS errors', async () => {
  assertAwsError(await emulator.call('GetTokensFromRefreshToken', { ClientId: setup.clientId, RefreshToken: 'forged' }), 'NotAuthorizedException', 403);
  const other = await addClient(emulator, setup.poolId);
  assertAwsError(await emulator.call('GetTokensFromRefreshToken', { ClientId: other, RefreshToken: await refreshTokenOf(setup.clientId) }),
    'NotAuthorizedException', 403);
  assertAwsError(await emulator.call('GetTokensFromRefreshToken', { ClientId: 'nosuchclient', RefreshToken: 'x' }), 'ResourceNotFoundException', 404);
  assertAwsError(await emulator.call('GetTokensFromRefreshToken', { ClientId: setup.clientId }), 'InvalidParameterException');
});

test.run();
