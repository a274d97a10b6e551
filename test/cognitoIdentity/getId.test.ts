import { generateKeyPairSync } from 'node:crypto';
import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { AdminDeleteUserCommand, AdminUserGlobalSignOutCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { identityCall, rejection } from '../helpers/emulator.js';
import { identityWorld } from './setup.js';

const test = suite('GetId');
const world = identityWorld(test);

const getId = (IdentityPoolId: string, Logins?: Record<string, string>) => world.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));

test('GetId: the same user gets the same IdentityId every time, another user another', async () => {
  const IdentityPoolId = await world.createPool();
  const first = await getId(IdentityPoolId, { [world.provider]: (await world.signIn('ann')).id });
  const again = await getId(IdentityPoolId, { [world.provider]: (await world.signIn('ann')).id });
  const bob = await getId(IdentityPoolId, { [world.provider]: (await world.signIn('bob')).id });
  assert.match(first.IdentityId!, /^us-east-1:[0-9a-f-]{36}$/);
  assert.is(again.IdentityId, first.IdentityId);
  assert.is.not(bob.IdentityId, first.IdentityId);
});

test('GetId: first calls for one user at the same time make one identity', async () => {
  const IdentityPoolId = await world.createPool();
  const Logins = { [world.provider]: (await world.signIn('iris')).id };
  const answers = await Promise.all([1, 2, 3].map(() => getId(IdentityPoolId, Logins)));
  assert.is(new Set(answers.map((a) => a.IdentityId)).size, 1);
});

test('GetId: without logins, a new unauthenticated identity each time when the pool allows them', async () => {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: true });
  const a = await getId(IdentityPoolId);
  const b = await getId(IdentityPoolId);
  assert.ok(a.IdentityId!.startsWith('us-east-1:'));
  assert.is.not(a.IdentityId, b.IdentityId);
});

test('GetId: without logins, refused when the pool does not allow unauthenticated identities', async () => {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: false });
  const error = await rejection(getId(IdentityPoolId));
  assert.equal([error.name, error.message], ['NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.']);
});

test('GetId: an expired ID token is refused with the time it expired', async () => {
  const IdentityPoolId = await world.createPool();
  const { id } = await world.signIn('carl');
  const exp = decodeJwt(id).exp!;
  world.clock.offset = 2 * 3600 * 1000;
  const error = await rejection(getId(IdentityPoolId, { [world.provider]: id }));
  assert.is(error.name, 'NotAuthorizedException');
  const match = /^Invalid login token\. Token expired: (\d+) >= (\d+)$/.exec(error.message);
  assert.ok(match, error.message);
  assert.is(Number(match![2]), exp);
  assert.ok(Number(match![1]) >= exp);
});

test('GetId: a token signed with another key is refused', async () => {
  const IdentityPoolId = await world.createPool();
  const { id } = await world.signIn('dora');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forged = await new SignJWT(decodeJwt(id)).setProtectedHeader(decodeProtectedHeader(id) as { alg: string }).sign(privateKey);
  const error = await rejection(getId(IdentityPoolId, { [world.provider]: forged }));
  assert.equal([error.name, error.message], ['NotAuthorizedException', "Invalid login token. Couldn't verify signed token."]);
  const garbage = await rejection(getId(IdentityPoolId, { [world.provider]: 'not-a-jwt' }));
  assert.equal([garbage.name, garbage.message], ['NotAuthorizedException', 'Invalid login token. Not a valid OpenId Connect identity token.']);
});

test('GetId: an access token is refused (it has no aud)', async () => {
  const IdentityPoolId = await world.createPool();
  const { access } = await world.signIn('erin');
  const error = await rejection(getId(IdentityPoolId, { [world.provider]: access }));
  assert.equal([error.name, error.message], ['NotAuthorizedException', 'Invalid login token. Missing a required claim: aud']);
});

test('GetId: a token of a client the pool does not list, or of a provider it does not list, is refused', async () => {
  const { id } = await world.signIn('fred');
  const otherClient = await world.createPool({ CognitoIdentityProviders: [{ ProviderName: world.provider, ClientId: 'someotherclientid' }] });
  const error = await rejection(getId(otherClient, { [world.provider]: id }));
  assert.equal([error.name, error.message], ['NotAuthorizedException', 'Token is not from a supported provider of this identity pool.']);
  const IdentityPoolId = await world.createPool();
  const unlisted = await rejection(getId(IdentityPoolId, { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_other': id }));
  assert.equal([unlisted.name, unlisted.message], ['NotAuthorizedException', 'Token is not from a supported provider of this identity pool.']);
});

test("GetId: a token of another user pool under a listed provider's name is refused (issuer)", async () => {
  const { UserPool } = await world.emulator.client.send(new CreateUserPoolCommand({ PoolName: 'foreign' }));
  const foreignProvider = `cognito-idp.us-east-1.amazonaws.com/${UserPool!.Id}`;
  const IdentityPoolId = await world.createPool({
    CognitoIdentityProviders: [{ ProviderName: foreignProvider, ClientId: world.clientId }],
  });
  const error = await rejection(getId(IdentityPoolId, { [foreignProvider]: (await world.signIn('gina')).id }));
  assert.equal([error.name, error.message], ['NotAuthorizedException', "Invalid login token. Issuer doesn't match providerName"]);
});

test('GetId: with ServerSideTokenCheck, a user signed out or deleted in the user pool is refused; without it, the token still works', async () => {
  const checked = await world.createPool({ CognitoIdentityProviders: [{ ProviderName: world.provider, ClientId: world.clientId, ServerSideTokenCheck: true }] });
  const unchecked = await world.createPool();
  const { id } = await world.signIn('hugo');
  const Logins = { [world.provider]: id };
  await getId(checked, Logins);
  await world.emulator.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: world.userPoolId, Username: 'hugo' }));
  const signedOut = await rejection(getId(checked, Logins));
  assert.equal([signedOut.name, signedOut.message], ['NotAuthorizedException', 'Invalid login token. The user has been signed out of the user pool.']);
  await getId(unchecked, Logins);
  const fresh = { [world.provider]: (await world.signIn('hugo')).id };
  await getId(checked, fresh);
  await world.emulator.client.send(new AdminDeleteUserCommand({ UserPoolId: world.userPoolId, Username: 'hugo' }));
  const deleted = await rejection(getId(checked, fresh));
  assert.equal([deleted.name, deleted.message], ['NotAuthorizedException', 'Invalid login token. The user no longer exists in the user pool.']);
});

test('GetId: bad input (malformed pool id, unknown pool, too many logins) is refused', async () => {
  const malformed = await rejection(getId('us-east-1_abc'));
  assert.is(malformed.name, 'ValidationException');
  const unknown = await rejection(getId('us-east-1:00000000-0000-0000-0000-000000000000'));
  assert.is(unknown.name, 'ResourceNotFoundException');
  const IdentityPoolId = await world.createPool();
  const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, 't']));
  const error = await identityCall(world.emulator, 'GetId', { IdentityPoolId, Logins: many }).catch((e) => e);
  assert.is(error.type, 'ValidationException');
  assert.match(error.message, "at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10");
});

test.run();
