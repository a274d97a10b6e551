import { CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { issue, makeSubject } from '../cognito/tokens/fixture.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const get = (url: string) => emulator.app.inject({ method: 'GET', url });

test('jwks.json: both public keys, in AWS\'s shape, and they verify the pool\'s tokens', async () => {
  const subject = await makeSubject(emulator);
  const response = await get(`/${subject.pool.Id}/.well-known/jwks.json`);
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const jwks = response.json();
  assert.is(jwks.keys.length, 2);
  for (const key of jwks.keys) {
    assert.equal(Object.keys(key), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.is(key.alg, 'RS256');
    assert.is(key.e, 'AQAB');
    assert.is(key.kty, 'RSA');
    assert.is(key.use, 'sig');
  }
  const { IdToken, AccessToken } = await issue(emulator, subject);
  const keySet = createLocalJWKSet(jwks);
  const iss = `http://localhost:${emulator.port}/${subject.pool.Id}`;
  await jwtVerify(IdToken!, keySet, { issuer: iss, audience: subject.client.ClientId });
  await jwtVerify(AccessToken!, keySet, { issuer: iss });
  assert.equal(jwks.keys.map((k: { kid: string }) => k.kid), [IdToken, AccessToken].map((t) => decodeProtectedHeader(t!).kid));
});

test('openid-configuration: the discovery document points at the issuer and the emulator', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'oidc' }));
  const poolId = UserPool!.Id!;
  const response = await get(`/${poolId}/.well-known/openid-configuration`);
  assert.is(response.statusCode, 200);
  const root = `http://localhost:${emulator.port}`;
  assert.equal(response.json(), {
    authorization_endpoint: `${root}/oauth2/authorize`,
    end_session_endpoint: `${root}/logout`,
    id_token_signing_alg_values_supported: ['RS256'],
    issuer: `${root}/${poolId}`,
    jwks_uri: `${root}/${poolId}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    revocation_endpoint: `${root}/oauth2/revoke`,
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    token_endpoint: `${root}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    userinfo_endpoint: `${root}/oauth2/userInfo`,
  });
  // The jwks_uri it names answers.
  assert.is((await fetch(response.json().jwks_uri)).status, 200);
});

test('well-known: an unknown pool answers 404 with an AWS-style error', async () => {
  for (const doc of ['jwks.json', 'openid-configuration']) {
    const response = await get(`/us-east-1_nothere00/.well-known/${doc}`);
    assert.is(response.statusCode, 404);
    assert.equal(response.json(), {
      __type: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere00 does not exist.',
    });
  }
});

test('well-known: with --issuer aws the issuer is AWS\'s, the jwks_uri still local', async () => {
  const aws = await startTestEmulator({ issuer: 'aws', region: 'eu-west-2' });
  try {
    const { UserPool } = await aws.client.send(new CreateUserPoolCommand({ PoolName: 'aws' }));
    const poolId = UserPool!.Id!;
    const doc = (await aws.app.inject({ method: 'GET', url: `/${poolId}/.well-known/openid-configuration` })).json();
    assert.is(doc.issuer, `https://cognito-idp.eu-west-2.amazonaws.com/${poolId}`);
    assert.is(doc.jwks_uri, `http://localhost:${aws.port}/${poolId}/.well-known/jwks.json`);
  } finally {
    await aws.close();
  }
});

test('well-known: parallel first requests all see the same keys', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'parallel' }));
  const bodies = await Promise.all(
    Array.from({ length: 6 }, () => fetch(`${emulator.url}/${UserPool!.Id}/.well-known/jwks.json`).then((r) => r.text())),
  );
  assert.is(new Set(bodies).size, 1);
});

test.run();
