import { createHmac } from 'node:crypto';
import {
  CreateUserPoolClientCommand,
  DeleteUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { rotatedRefreshTokens } from '../../../../src/cognito/tokens/rotation.js';
import { movableClock } from '../../tokens/fixture.js';
import { addClient, claims, confirmedUser, PASSWORD, passwordSignIn, setUp, type Setup } from './signInFixtures.js';

let emulator: TestEmulator;
let setup: Setup;
const clock = movableClock(Date.now());
test.before(async () => {
  emulator = await startTestEmulator({ clock });
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

const refresh = (ClientId: string, RefreshToken: string) =>
  emulator.client.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken })).then((r) => r.AuthenticationResult!);

const rotatingClient = (RetryGracePeriodSeconds: number) =>
  addClient(emulator, setup.poolId, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds } });

test('GetTokensFromRefreshToken: without rotation the same refresh token keeps working', async () => {
  const RefreshToken = await refreshTokenOf(setup.clientId);
  for (let i = 0; i < 3; i++) {
    clock.advance(120_000);
    assert.is((await refresh(setup.clientId, RefreshToken)).RefreshToken, undefined);
  }
  const viaInitiate = await emulator.client.send(new InitiateAuthCommand({
    ClientId: setup.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken },
  }));
  assert.type(viaInitiate.AuthenticationResult!.AccessToken, 'string');
});

test('GetTokensFromRefreshToken: a rotated-out token works within the grace period, then RefreshTokenReuseException', async () => {
  const clientId = await rotatingClient(10);
  const first = await refreshTokenOf(clientId);
  const second = (await refresh(clientId, first)).RefreshToken!;
  const third = (await refresh(clientId, second)).RefreshToken!;
  clock.advance(5_000);
  // A retry inside the grace answers a fresh set, and does not stretch the grace (it runs from the first rotation).
  const retried = await refresh(clientId, first);
  assert.type(retried.RefreshToken, 'string');
  assert.ok(![first, second, third].includes(retried.RefreshToken!));
  clock.advance(5_000);
  for (const stale of [first, second]) await assertRejects(refresh(clientId, stale), 'RefreshTokenReuseException');
  for (const fresh of [third, retried.RefreshToken!]) assert.type((await refresh(clientId, fresh)).IdToken, 'string');
});

test('GetTokensFromRefreshToken: with a grace period of 0 the old token is refused at once', async () => {
  const clientId = await rotatingClient(0);
  const first = await refreshTokenOf(clientId);
  const second = (await refresh(clientId, first)).RefreshToken!;
  const reused = await emulator.call('GetTokensFromRefreshToken', { ClientId: clientId, RefreshToken: first });
  assertAwsError(reused, 'RefreshTokenReuseException', 400);
  assert.type((await refresh(clientId, second)).RefreshToken, 'string');
});

test('GetTokensFromRefreshToken: concurrent refreshes with one token and no grace: exactly one succeeds', async () => {
  const clientId = await rotatingClient(0);
  const token = await refreshTokenOf(clientId);
  const results = await Promise.allSettled(Array.from({ length: 6 }, () => refresh(clientId, token)));
  assert.is(results.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of results) if (r.status === 'rejected') assert.is((r.reason as Error).name, 'RefreshTokenReuseException');
});

test('GetTokensFromRefreshToken: revoking a rotated-out token revokes the tokens refreshed from it', async () => {
  const clientId = await rotatingClient(0);
  const first = await refreshTokenOf(clientId);
  const second = (await refresh(clientId, first)).RefreshToken!;
  await emulator.client.send(new RevokeTokenCommand({ ClientId: clientId, Token: first }));
  await assertRejects(refresh(clientId, second), 'NotAuthorizedException', 'Refresh Token has been revoked');
});

test('GetTokensFromRefreshToken: deleting the pool forgets its rotated-out tokens', async () => {
  const own = await setUp(emulator, {}, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
  await confirmedUser(emulator, own, 'bob');
  const token = (await passwordSignIn(emulator, own.clientId, 'bob')).AuthenticationResult!.RefreshToken!;
  await refresh(own.clientId, token);
  const rotated = () => emulator.store.table(rotatedRefreshTokens).list([own.poolId], { limit: 10 });
  assert.is((await rotated()).items.length, 1);
  await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: own.poolId }));
  assert.is((await rotated()).items.length, 0);
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
