import { CognitoIdentityClient, GetIdCommand, GetOpenIdTokenCommand, CreateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsClient, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let emulator: TestEmulator;
let identity: CognitoIdentityClient;
test.before(async () => {
  emulator = await startTestEmulator();
  identity = awsClient(CognitoIdentityClient, emulator);
});
test.after(async () => {
  identity.destroy();
  await emulator.close();
});

test('GetOpenIdToken: the token verifies against the JWKS served at /_cogniform/cognito-identity/.well-known/jwks_uri', async () => {
  const url = new URL('/_cogniform/cognito-identity/.well-known/jwks_uri', emulator.url);
  const response = await fetch(url);
  assert.is(response.status, 200);
  assert.is(response.headers.get('access-control-allow-origin'), '*');
  const { keys } = (await response.json()) as { keys: { kty: string; alg: string; use: string }[] };
  assert.equal(keys.map((k) => [k.kty, k.alg, k.use]), [['RSA', 'RS512', 'sig']]);
  const { IdentityPoolId } = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'guests', AllowUnauthenticatedIdentities: true }));
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId }));
  const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
  const { payload } = await jwtVerify(Token!, createRemoteJWKSet(url), { issuer: 'https://cognito-identity.amazonaws.com', audience: IdentityPoolId, subject: IdentityId });
  assert.equal(payload.amr, ['unauthenticated']);
});

test.run();
