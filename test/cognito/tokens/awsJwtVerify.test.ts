import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  JwtExpiredError,
  JwtInvalidSignatureError,
  KidNotFoundInJwksError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { issue, makeSubject, type Subject } from './fixture.js';

// AWS's own verifier library, as a backend would use it, accepts cogniform's tokens in `--issuer aws` mode. The
// verifier's JWKS comes from the emulator's jwks.json (cacheJwks), since the AWS host is not reachable here.

let emulator: TestEmulator;
let subject: Subject;
test.before(async () => {
  emulator = await startTestEmulator({ issuer: 'aws' });
  subject = await makeSubject(emulator, { groups: [{ GroupName: 'admins' }] });
});
test.after(async () => {
  await emulator.close();
});

async function verifierFor(tokenUse: 'id' | 'access', clientId = subject.client.ClientId, userPoolId = subject.pool.Id) {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse });
  const response = await fetch(`${emulator.url}/${subject.pool.Id}/.well-known/jwks.json`);
  verifier.cacheJwks(await response.json());
  return verifier;
}

function throwsInstance(fn: () => unknown, type: new (...args: never[]) => Error): void {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof type, `${type.name} expected, got ${(error as Error).name}: ${(error as Error).message}`);
    return;
  }
  assert.unreachable(`expected ${type.name}`);
}

test('aws-jwt-verify: accepts the ID and access tokens, with the AWS issuer', async () => {
  const { IdToken, AccessToken } = await issue(emulator, subject);
  const id = (await verifierFor('id')).verifySync(IdToken!);
  assert.is(id.iss, `https://cognito-idp.us-east-1.amazonaws.com/${subject.pool.Id}`);
  assert.is(id['cognito:username'], 'alice');
  const access = (await verifierFor('access')).verifySync(AccessToken!, { groups: 'admins' });
  assert.is(access.client_id, subject.client.ClientId);
});

test('aws-jwt-verify: rejects a tampered token, the wrong token use and another client', async () => {
  const verifier = await verifierFor('id');
  const { IdToken, AccessToken } = await issue(emulator, subject);
  const [header, , signature] = IdToken!.split('.');
  const payload = Buffer.from(JSON.stringify({ ...decodeJwt(IdToken!), 'cognito:groups': ['root'] })).toString('base64url');
  throwsInstance(() => verifier.verifySync([header, payload, signature].join('.')), JwtInvalidSignatureError);
  throwsInstance(() => verifier.verifySync(AccessToken!), CognitoJwtInvalidTokenUseError);
  const otherClient = await verifierFor('id', 'someotherclientid0000000000');
  throwsInstance(() => otherClient.verifySync(IdToken!), CognitoJwtInvalidClientIdError);
});

test('aws-jwt-verify: rejects a token with the right claims signed by a foreign key', async () => {
  const verifier = await verifierFor('id');
  const { IdToken } = await issue(emulator, subject);
  const { privateKey } = await generateKeyPair('RS256');
  const claims = decodeJwt(IdToken!);
  const unknownKid = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'foreign' }).sign(privateKey);
  throwsInstance(() => verifier.verifySync(unknownKid), KidNotFoundInJwksError);
  const { kid } = decodeProtectedHeader(IdToken!);
  const borrowedKid = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: kid! }).sign(privateKey);
  throwsInstance(() => verifier.verifySync(borrowedKid), JwtInvalidSignatureError);
});

test('aws-jwt-verify: rejects an expired token', async () => {
  const past = Math.floor(Date.now() / 1000) - 7200;
  let now = Date.now() - 7200 * 1000;
  const old = await startTestEmulator({ issuer: 'aws', clock: { now: () => new Date(now) } });
  try {
    const s = await makeSubject(old);
    const { IdToken } = await old.tokens.issue({ ...s, authTime: past, refreshToken: false });
    now = Date.now();
    const v = CognitoJwtVerifier.create({ userPoolId: s.pool.Id, clientId: s.client.ClientId, tokenUse: 'id' });
    v.cacheJwks(await (await fetch(`${old.url}/${s.pool.Id}/.well-known/jwks.json`)).json());
    throwsInstance(() => v.verifySync(IdToken!), JwtExpiredError);
  } finally {
    await old.close();
  }
});

test('aws-jwt-verify: rejects a token of another pool, and a local-issuer token', async () => {
  const verifier = await verifierFor('id');
  const other = await makeSubject(emulator);
  const foreign = await issue(emulator, other);
  throwsInstance(() => verifier.verifySync(foreign.IdToken!), ParameterValidationError);
  const local = await startTestEmulator({ issuer: 'local' });
  try {
    const s = await makeSubject(local);
    const { IdToken } = await issue(local, s);
    const v = CognitoJwtVerifier.create({ userPoolId: s.pool.Id, clientId: s.client.ClientId, tokenUse: 'id' });
    v.cacheJwks(await (await fetch(`${local.url}/${s.pool.Id}/.well-known/jwks.json`)).json());
    throwsInstance(() => v.verifySync(IdToken!), ParameterValidationError);
  } finally {
    await local.close();
  }
});

test.run();
