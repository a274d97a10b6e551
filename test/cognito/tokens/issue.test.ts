import { decodeJwt, decodeProtectedHeader } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { issue, makeSubject, movableClock } from './fixture.js';

const clock = movableClock();
const now = clock.now().getTime() / 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({ clock });
});
test.after(async () => {
  await emulator.close();
});

/** Checks the generated ids' shape, then returns the claims with them replaced, for an exact comparison. */
function withoutIds(claims: Record<string, unknown>, names: string[]): Record<string, unknown> {
  for (const name of names) assert.match(String(claims[name]), UUID, name);
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, names.includes(k) ? '<uuid>' : v]));
}

test('tokens.issue: the ID and access tokens carry exactly the claims AWS puts in them', async () => {
  const subject = await makeSubject(emulator, {
    pool: { Schema: [{ Name: 'tier', AttributeDataType: 'Number', Mutable: true }] },
    attributes: [
      { Name: 'email', Value: 'alice@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'phone_number', Value: '+15555550100' },
      { Name: 'phone_number_verified', Value: 'false' },
      { Name: 'given_name', Value: 'Alice' },
      { Name: 'custom:tier', Value: '3' },
    ],
  });
  const result = await issue(emulator, subject, { authTime: now - 5 });
  const sub = subject.user.Attributes.find((a) => a.Name === 'sub')!.Value!;
  const iss = `http://localhost:${emulator.port}/${subject.pool.Id}`;
  const id = decodeJwt(result.IdToken!);
  const access = decodeJwt(result.AccessToken!);
  assert.equal(withoutIds(id, ['jti', 'origin_jti', 'event_id']), {
    sub,
    email: 'alice@example.com',
    email_verified: true,
    phone_number: '+15555550100',
    phone_number_verified: false,
    given_name: 'Alice',
    'custom:tier': '3',
    iss,
    origin_jti: '<uuid>',
    event_id: '<uuid>',
    auth_time: now - 5,
    iat: now,
    'cognito:username': 'alice',
    aud: subject.client.ClientId,
    token_use: 'id',
    exp: now + 3600,
    jti: '<uuid>',
  });
  assert.equal(withoutIds(access, ['jti', 'origin_jti', 'event_id']), {
    sub,
    iss,
    origin_jti: '<uuid>',
    event_id: '<uuid>',
    auth_time: now - 5,
    iat: now,
    client_id: subject.client.ClientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    exp: now + 3600,
    jti: '<uuid>',
    username: 'alice',
  });
  // One authentication: shared origin_jti and event_id, distinct jti.
  assert.is(id.origin_jti, access.origin_jti);
  assert.is(id.event_id, access.event_id);
  assert.is.not(id.jti, access.jti);
  assert.equal(decodeProtectedHeader(result.IdToken!), { kid: decodeProtectedHeader(result.IdToken!).kid, alg: 'RS256' });
  assert.is.not(decodeProtectedHeader(result.IdToken!).kid, decodeProtectedHeader(result.AccessToken!).kid);
  assert.is(result.TokenType, 'Bearer');
  assert.is(result.ExpiresIn, 3600);
  assert.type(result.RefreshToken, 'string');
});

test('tokens.issue: groups, roles, nonce and device key', async () => {
  const role = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
  const subject = await makeSubject(emulator, {
    groups: [
      { GroupName: 'zeta', Precedence: 1, RoleArn: role('Zeta') },
      { GroupName: 'alpha', Precedence: 5, RoleArn: role('Alpha') },
      { GroupName: 'plain' },
    ],
  });
  const result = await issue(emulator, subject, { nonce: 'n-123', deviceKey: 'us-east-1_dev', refreshToken: false });
  const id = decodeJwt(result.IdToken!);
  const access = decodeJwt(result.AccessToken!);
  assert.equal(id['cognito:groups'], ['alpha', 'plain', 'zeta']);
  assert.equal(access['cognito:groups'], ['alpha', 'plain', 'zeta']);
  assert.equal(id['cognito:roles'], [role('Alpha'), role('Zeta')]);
  assert.is(id['cognito:preferred_role'], role('Zeta'));
  assert.is(access['cognito:roles'], undefined);
  assert.is(id.nonce, 'n-123');
  assert.is(access.nonce, undefined);
  assert.is(access.device_key, 'us-east-1_dev');
  assert.is(id.device_key, undefined);
  assert.is(result.RefreshToken, undefined);
});

test('tokens.issue: groups tied for the lowest precedence give no preferred role; no groups, no claim', async () => {
  const tied = await makeSubject(emulator, {
    groups: [
      { GroupName: 'a', Precedence: 2, RoleArn: 'arn:aws:iam::000000000000:role/A' },
      { GroupName: 'b', Precedence: 2, RoleArn: 'arn:aws:iam::000000000000:role/B' },
    ],
  });
  const id = decodeJwt((await issue(emulator, tied)).IdToken!);
  assert.equal(id['cognito:roles'], ['arn:aws:iam::000000000000:role/A', 'arn:aws:iam::000000000000:role/B']);
  assert.ok(!('cognito:preferred_role' in id));
  const lonely = await makeSubject(emulator);
  const result = await issue(emulator, lonely);
  assert.ok(!('cognito:groups' in decodeJwt(result.IdToken!)));
  assert.ok(!('cognito:groups' in decodeJwt(result.AccessToken!)));
});

test('tokens.issue: validity follows the client settings and their units', async () => {
  const subject = await makeSubject(emulator, {
    client: {
      AccessTokenValidity: 10,
      IdTokenValidity: 2,
      RefreshTokenValidity: 90,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'minutes' },
    },
  });
  const result = await issue(emulator, subject);
  assert.is(result.ExpiresIn, 600);
  assert.is(decodeJwt(result.AccessToken!).exp, now + 600);
  assert.is(decodeJwt(result.IdToken!).exp, now + 7200);
  // Refresh validity: 90 minutes. Past it, the refresh token no longer opens.
  await emulator.tokens.openRefreshToken(result.RefreshToken!, subject.client.ClientId);
  clock.advance(91 * 60 * 1000);
  try {
    await emulator.tokens.openRefreshToken(result.RefreshToken!, subject.client.ClientId);
    assert.unreachable('expired refresh token accepted');
  } catch (error) {
    assert.is((error as Error).message, 'Refresh Token has expired');
  } finally {
    clock.advance(-91 * 60 * 1000);
  }
});

test('tokens.issue: hours are the default unit, and the client can limit the ID token to ReadAttributes', async () => {
  const subject = await makeSubject(emulator, {
    client: { AccessTokenValidity: 2, ReadAttributes: ['email'] },
    attributes: [
      { Name: 'email', Value: 'bob@example.com' },
      { Name: 'given_name', Value: 'Bob' },
    ],
  });
  const result = await issue(emulator, subject);
  assert.is(result.ExpiresIn, 7200);
  const id = decodeJwt(result.IdToken!);
  assert.is(id.email, 'bob@example.com');
  assert.ok(!('given_name' in id));
});

test('tokens.issue: a refresh keeps origin_jti and auth_time, with a new jti and event_id', async () => {
  const subject = await makeSubject(emulator);
  const first = await issue(emulator, subject, { authTime: now - 100 });
  const session = await emulator.tokens.openRefreshToken(first.RefreshToken!, subject.client.ClientId);
  const again = await emulator.tokens.issue({ ...session, refreshToken: false });
  const [before, after] = [decodeJwt(first.AccessToken!), decodeJwt(again.AccessToken!)];
  assert.is(after.origin_jti, before.origin_jti);
  assert.is(after.auth_time, now - 100);
  assert.is.not(after.jti, before.jti);
  assert.is.not(after.event_id, before.event_id);
  await emulator.tokens.verifyAccessToken(again.AccessToken!);
});

test.run();
