import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  CreateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { issue, makeSubject, rejectsWith, reload, type Subject } from './fixture.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const signOut = (subject: Subject) =>
  emulator.store.transact(subject.pool.Id, (tx) => emulator.tokens.signOutEverywhere(tx, subject.pool, subject.user));

test('tokens.openRefreshToken: the refresh token is opaque, and any change to it is refused', async () => {
  const subject = await makeSubject(emulator);
  const { RefreshToken } = await issue(emulator, subject);
  assert.is(RefreshToken!.split('.').length, 5);
  assert.throws(() => decodeJwt(RefreshToken!));
  // The sub, the client and the pool appear nowhere in clear.
  const clear = RefreshToken!.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1')).join('');
  for (const secret of [subject.client.ClientId, subject.pool.Id, subject.user.Username]) assert.not.ok(clear.includes(secret));
  const parts = RefreshToken!.split('.');
  const flipped = parts[3]!.startsWith('A') ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
  const tampered = [...parts.slice(0, 3), flipped, parts[4]].join('.');
  await rejectsWith(emulator.tokens.openRefreshToken(tampered, subject.client.ClientId), 'NotAuthorizedException', 'Invalid Refresh Token');
  await rejectsWith(emulator.tokens.openRefreshToken('not-a-token', subject.client.ClientId), 'NotAuthorizedException', 'Invalid Refresh Token');
  const session = await emulator.tokens.openRefreshToken(RefreshToken!, subject.client.ClientId);
  assert.is(session.user.Username, 'alice');
  assert.equal(session.scopes, ['aws.cognito.signin.user.admin']);
});

test('tokens.openRefreshToken: another client of the pool cannot use it', async () => {
  const subject = await makeSubject(emulator);
  const { RefreshToken } = await issue(emulator, subject);
  const { UserPoolClient } = await emulator.client.send(
    new CreateUserPoolClientCommand({ UserPoolId: subject.pool.Id, ClientName: 'other' }),
  );
  await rejectsWith(
    emulator.tokens.openRefreshToken(RefreshToken!, UserPoolClient!.ClientId!),
    'NotAuthorizedException',
    'Invalid Refresh Token',
  );
});

test('tokens.verifyAccessToken: accepts what issue() signed, refuses anything else', async () => {
  const subject = await makeSubject(emulator);
  const { AccessToken, IdToken } = await issue(emulator, subject);
  const context = await emulator.tokens.verifyAccessToken(AccessToken!);
  assert.is(context.user.Username, 'alice');
  assert.is(context.clientId, subject.client.ClientId);
  assert.equal(context.scopes, ['aws.cognito.signin.user.admin']);
  await rejectsWith(emulator.tokens.verifyAccessToken(IdToken!), 'NotAuthorizedException', 'Invalid Access Token');
  await rejectsWith(emulator.tokens.verifyAccessToken('garbage'), 'NotAuthorizedException', 'Invalid Access Token');
  const [header, payload, signature] = AccessToken!.split('.');
  const claims = { ...decodeJwt(AccessToken!), username: 'mallory' };
  const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  await rejectsWith(emulator.tokens.verifyAccessToken(forged), 'NotAuthorizedException', 'Invalid Access Token');
  // A token of another pool, signed with that pool's key, names that pool: it verifies only as that pool's token.
  const other = await makeSubject(emulator);
  const foreign = await issue(emulator, other);
  const swapped = [foreign.AccessToken!.split('.')[0], payload, foreign.AccessToken!.split('.')[2]].join('.');
  await rejectsWith(emulator.tokens.verifyAccessToken(swapped), 'NotAuthorizedException', 'Invalid Access Token');
});

test('tokens.verifyAccessToken: an expired token says so', async () => {
  let now = Date.now();
  const local = await startTestEmulator({ clock: { now: () => new Date(now) } });
  try {
    const subject = await makeSubject(local, { client: { AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' } } });
    const { AccessToken } = await local.tokens.issue({ ...subject, authTime: Math.floor(now / 1000), refreshToken: false });
    now += 4 * 60 * 1000;
    await local.tokens.verifyAccessToken(AccessToken!);
    now += 2 * 60 * 1000;
    await rejectsWith(local.tokens.verifyAccessToken(AccessToken!), 'NotAuthorizedException', 'Access Token has expired');
  } finally {
    await local.close();
  }
});

test('tokens.revokeRefreshToken: the refresh token and the tokens of its session stop working, others go on', async () => {
  const subject = await makeSubject(emulator);
  const revoked = await issue(emulator, subject);
  const kept = await issue(emulator, subject);
  const session = await emulator.tokens.openRefreshToken(revoked.RefreshToken!, subject.client.ClientId);
  const refreshed = await emulator.tokens.issue({ ...session, refreshToken: false });
  await emulator.tokens.revokeRefreshToken(revoked.RefreshToken!, subject.client.ClientId);
  await emulator.tokens.revokeRefreshToken(revoked.RefreshToken!, subject.client.ClientId); // twice is fine
  for (const token of [revoked.AccessToken!, refreshed.AccessToken!]) {
    await rejectsWith(emulator.tokens.verifyAccessToken(token), 'NotAuthorizedException', 'Access Token has been revoked');
  }
  await rejectsWith(
    emulator.tokens.openRefreshToken(revoked.RefreshToken!, subject.client.ClientId),
    'NotAuthorizedException',
    'Refresh Token has been revoked',
  );
  await emulator.tokens.verifyAccessToken(kept.AccessToken!);
  await emulator.tokens.openRefreshToken(kept.RefreshToken!, subject.client.ClientId);
});

test('tokens.revokeRefreshToken: a client with a secret must give it; revocation can be off', async () => {
  const secret = await makeSubject(emulator, { client: { GenerateSecret: true } });
  const { RefreshToken } = await issue(emulator, secret);
  await rejectsWith(emulator.tokens.revokeRefreshToken(RefreshToken!, secret.client.ClientId), 'NotAuthorizedException');
  await emulator.tokens.revokeRefreshToken(RefreshToken!, secret.client.ClientId, secret.client.ClientSecret!);
  const off = await makeSubject(emulator, { client: { EnableTokenRevocation: false } });
  const offTokens = await issue(emulator, off);
  await rejectsWith(emulator.tokens.revokeRefreshToken(offTokens.RefreshToken!, off.client.ClientId), 'UnsupportedOperationException');
});

test('tokens.signOutEverywhere: every earlier token fails, a sign-in right after works', async () => {
  const subject = await makeSubject(emulator);
  const before = await Promise.all([issue(emulator, subject), issue(emulator, subject)]);
  await signOut(subject);
  // Same second, even same millisecond: the sign-out generation tells them apart.
  const after = await issue(emulator, subject);
  for (const tokens of before) {
    await rejectsWith(emulator.tokens.verifyAccessToken(tokens.AccessToken!), 'NotAuthorizedException', 'Access Token has been revoked');
    await rejectsWith(
      emulator.tokens.openRefreshToken(tokens.RefreshToken!, subject.client.ClientId),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
  }
  await emulator.tokens.verifyAccessToken(after.AccessToken!);
  await emulator.tokens.openRefreshToken(after.RefreshToken!, subject.client.ClientId);
});

test('tokens: disabling a user revokes its tokens (a disabled user cannot refresh); a deleted user\'s fail for good', async () => {
  const subject = await makeSubject(emulator);
  const tokens = await issue(emulator, subject);
  const ids = { UserPoolId: subject.pool.Id, Username: 'alice' };
  await emulator.client.send(new AdminDisableUserCommand(ids));
  // AWS API reference, AdminDisableUser: "Deactivates a user and revokes all access tokens for the user."
  await rejectsWith(emulator.tokens.verifyAccessToken(tokens.AccessToken!), 'NotAuthorizedException', 'Access Token has been revoked');
  await rejectsWith(emulator.tokens.openRefreshToken(tokens.RefreshToken!, subject.client.ClientId), 'NotAuthorizedException');
  await emulator.client.send(new AdminEnableUserCommand(ids));
  const fresh = await reload(emulator, subject.pool.Id, subject.client.ClientId, 'alice');
  const again = await issue(emulator, fresh);
  await emulator.tokens.verifyAccessToken(again.AccessToken!);
  await emulator.client.send(new AdminDeleteUserCommand(ids));
  await rejectsWith(emulator.tokens.verifyAccessToken(again.AccessToken!), 'UserNotFoundException', 'User does not exist.');
  await rejectsWith(emulator.tokens.openRefreshToken(again.RefreshToken!, subject.client.ClientId), 'UserNotFoundException');
});

test.run();
