import { GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rejection } from '../helpers/emulator.js';
import { identityWorld } from './setup.js';

const test = suite('GetOpenIdToken');
const world = identityWorld(test);

/** The key set the emulator publishes for these tokens, where AWS serves it at cognito-identity.amazonaws.com. */
function publishedKeys() {
  return createRemoteJWKSet(new URL(`${world.emulator.url}/_cogniform/cognito-identity/.well-known/jwks_uri`));
}

test("GetOpenIdToken: a signed-in user's token verifies with the published key and names pool, identity and login", async () => {
  const IdentityPoolId = await world.createPool();
  const { id } = await world.signIn('olga');
  const Logins = { [world.provider]: id };
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
  const answer = await world.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
  assert.is(answer.IdentityId, IdentityId);
  const { payload, protectedHeader } = await jwtVerify(answer.Token!, publishedKeys(), {
    issuer: 'https://cognito-identity.amazonaws.com',
    audience: IdentityPoolId,
    subject: IdentityId,
    algorithms: ['RS512'],
  });
  assert.ok(protectedHeader.kid);
  const sub = JSON.parse(Buffer.from(id.split('.')[1]!, 'base64url').toString()).sub;
  assert.equal(payload.amr, ['authenticated', world.provider, `${world.provider}:CognitoSignIn:${sub}`]);
  assert.is(payload.exp! - payload.iat!, 600);
});

test('GetOpenIdToken: an unauthenticated identity gets amr ["unauthenticated"]', async () => {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: true });
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId }));
  const { Token } = await world.identity.send(new GetOpenIdTokenCommand({ IdentityId }));
  const { payload } = await jwtVerify(Token!, publishedKeys(), { audience: IdentityPoolId });
  assert.equal(payload.amr, ['unauthenticated']);
});

test('GetOpenIdToken: bad input (malformed or unknown identity, expired login) is refused', async () => {
  const malformed = await rejection(world.identity.send(new GetOpenIdTokenCommand({ IdentityId: 'us-east-1:XYZ' })));
  assert.is(malformed.name, 'ValidationException');
  const unknown = await rejection(world.identity.send(new GetOpenIdTokenCommand({ IdentityId: 'us-east-1:00000000-0000-0000-0000-000000000000' })));
  assert.is(unknown.name, 'ResourceNotFoundException');
  const IdentityPoolId = await world.createPool();
  const Logins = { [world.provider]: (await world.signIn('pete')).id };
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
  world.clock.offset = 2 * 3600 * 1000;
  const expired = await rejection(world.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins })));
  assert.is(expired.name, 'NotAuthorizedException');
  assert.match(expired.message, /^Invalid login token\. Token expired: /);
});

test.run();
