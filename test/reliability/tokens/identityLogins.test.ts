import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { identityCall } from '../../helpers/emulator.js';
import {
  algNone, attackerKey, decodePart, hs256, poolSigningKey, publishedKey, signRs256, startAuthApp, tamper, userOperation, type AuthApp,
} from './app.js';

// The forged and invalid ID tokens of ./consumers.test.ts, presented as `Logins` to the three identity-pool
// operations that take them (GetId, GetCredentialsForIdentity, GetOpenIdToken), against two identity pools that
// trust the app's user pool through its web client: one with ServerSideTokenCheck, one without. A table of tokens ×
// consumers, each cell the error type a client sees ("ok" when the login was accepted).

let app: AuthApp;
/** The identity pools, by whether they check tokens with the user pool. */
const pools = { checked: '', offline: '' };
let provider: string;

test.before(async () => {
  app = await startAuthApp();
  provider = `cognito-idp.us-east-1.amazonaws.com/${app.poolId}`;
  for (const [name, ServerSideTokenCheck] of [['checked', true], ['offline', false]] as const) {
    const { IdentityPoolId } = await identityCall(app.emulator, 'CreateIdentityPool', {
      IdentityPoolName: name, AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: provider, ClientId: app.webClient, ServerSideTokenCheck }],
    });
    await identityCall(app.emulator, 'SetIdentityPoolRoles', { IdentityPoolId, Roles: { authenticated: 'arn:aws:iam::000000000000:role/Auth' } });
    pools[name] = IdentityPoolId;
  }
});
test.after(async () => {
  await app?.close();
});

type Pool = keyof typeof pools;

/** A token to present, and for each pool the identity it claims (its genuine user's, linked before the forgery). */
interface Presented {
  token: string;
  identities: Record<Pool, string>;
}

const answer = async (operation: string, body: object): Promise<string> => {
  try {
    await identityCall(app.emulator, operation, body);
    return 'ok';
  } catch (error) {
    const e = error as { type: string; statusCode: number; message: string };
    return `${e.statusCode} ${e.type}: ${e.message}`;
  }
};

const CONSUMERS = Object.fromEntries(
  (['checked', 'offline'] as const).flatMap((pool) => [
    [`GetId (${pool})`, (p: Presented) => answer('GetId', { IdentityPoolId: pools[pool], Logins: { [provider]: p.token } })],
    [`GetCredentialsForIdentity (${pool})`, (p: Presented) => answer('GetCredentialsForIdentity', { IdentityId: p.identities[pool], Logins: { [provider]: p.token } })],
    [`GetOpenIdToken (${pool})`, (p: Presented) => answer('GetOpenIdToken', { IdentityId: p.identities[pool], Logins: { [provider]: p.token } })],
  ]),
) as Record<string, (p: Presented) => Promise<string>>;
type Answers = Record<string, string>;

/** An expected answer is the whole answer, or its status and error type (what precedes the message's colon). */
const agrees = (observed: string | undefined, expected: string) => observed === expected || !!observed?.startsWith(`${expected}: `);

const REFUSED = '400 NotAuthorizedException';
const everywhere = (value: string): Answers => Object.fromEntries(Object.keys(CONSUMERS).map((name) => [name, value]));
const inPool = (pool: Pool, value: string): Answers => Object.fromEntries(Object.keys(CONSUMERS).filter((n) => n.endsWith(`(${pool})`)).map((n) => [n, value]));

/** A new user of the app's pool, signed in through the web client, with an identity in each pool. */
async function genuine(): Promise<{ username: string; id: string; access: string; refresh: string; identities: Record<Pool, string> }> {
  const username = await app.newUser();
  const tokens = await app.signIn(username);
  const identities = {} as Record<Pool, string>;
  for (const pool of ['checked', 'offline'] as const) {
    identities[pool] = (await identityCall(app.emulator, 'GetId', { IdentityPoolId: pools[pool], Logins: { [provider]: tokens.id } })).IdentityId;
  }
  return { username, ...tokens, identities };
}

interface Row {
  name: string;
  make(): Promise<Presented>;
  expected: Answers;
}

const HOUR = 3_600_000;

const ROWS: Row[] = [
  {
    name: 'a genuine ID token (the control row)',
    make: async () => ((g) => ({ token: g.id, identities: g.identities }))(await genuine()),
    expected: {},
  },
  {
    name: 'alg none, no signature',
    make: async () => ((g) => ({ token: algNone(g.id), identities: g.identities }))(await genuine()),
    expected: everywhere(REFUSED),
  },
  {
    name: "HS256 keyed with the pool's public key (PEM)",
    async make() {
      const g = await genuine();
      return { token: hs256(g.id, (await publishedKey(app, g.id)).pem), identities: g.identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: "HS256 keyed with the pool's JWK modulus n",
    async make() {
      const g = await genuine();
      return { token: hs256(g.id, (await publishedKey(app, g.id)).modulus), identities: g.identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: "unknown kid, signed with an attacker's key",
    make: async () => ((g) => ({ token: signRs256({ kid: 'attacker-key' }, decodePart(g.id, 1), attackerKey), identities: g.identities }))(await genuine()),
    expected: everywhere(`${REFUSED}: Invalid login token. Couldn't verify signed token.`),
  },
  {
    name: "the pool's kid, signed with an attacker's key",
    make: async () => ((g) => ({ token: signRs256(decodePart(g.id, 0), decodePart(g.id, 1), attackerKey), identities: g.identities }))(await genuine()),
    expected: everywhere(REFUSED),
  },
  {
    name: "this pool's claims signed with another pool's ID key and kid",
    async make() {
      const g = await genuine();
      const { kid, key } = await poolSigningKey(app, app.otherPoolId, 'id');
      return { token: signRs256({ kid }, decodePart(g.id, 1), key), identities: g.identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: "tampered payload: the victim's sub, the attacker's signature kept",
    async make() {
      const attacker = await genuine();
      const victim = await genuine();
      return { token: tamper(attacker.id, { sub: decodePart(victim.id, 1).sub }), identities: victim.identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: 'tampered payload: exp extended after expiry, signature kept',
    async make() {
      const g = await genuine();
      app.clock.offsetMs = 2 * HOUR;
      return { token: tamper(g.id, { exp: Math.floor(Date.now() / 1000) + 10 * HOUR / 1000 }), identities: g.identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: 'expired (the clock moved past exp)',
    async make() {
      const g = await genuine();
      app.clock.offsetMs = HOUR + 1000;
      return { token: g.id, identities: g.identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: 'not yet valid: iat in the future (issued by a clock 2 h ahead)',
    async make() {
      const { identities } = await genuine();
      app.clock.offsetMs = 2 * HOUR;
      const username = await app.newUser();
      const { id } = await app.signIn(username);
      app.clock.offsetMs = 0;
      return { token: id, identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: "not yet valid: nbf in the future, signed with the pool's own key",
    async make() {
      const g = await genuine();
      const { kid, key } = await poolSigningKey(app, app.poolId, 'id');
      return { token: signRs256({ kid }, { ...decodePart(g.id, 1), nbf: Math.floor(Date.now() / 1000) + 3600 }, key), identities: g.identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: "another pool's genuine ID token, under this pool's provider name",
    async make() {
      const { identities } = await genuine();
      const { id } = await app.signIn(await app.newUser(app.otherPoolId), app.otherPoolClient);
      return { token: id, identities };
    },
    expected: everywhere(REFUSED),
  },
  {
    name: "another client's genuine ID token (same pool, a client the identity pool does not list)",
    async make() {
      const { identities } = await genuine();
      return { token: (await app.signIn(await app.newUser(), app.otherClient)).id, identities };
    },
    expected: everywhere(`${REFUSED}: Token is not from a supported provider of this identity pool.`),
  },
  {
    name: 'an access token instead of the ID token',
    make: async () => ((g) => ({ token: g.access, identities: g.identities }))(await genuine()),
    // An access token has no `aud` ("Invalid login token. Missing a required claim: aud", amazon-cognito-identity-js#7).
    expected: everywhere(`${REFUSED}: Invalid login token. Missing a required claim: aud`),
  },
  {
    name: 'signed out (GlobalSignOut)',
    async make() {
      const g = await genuine();
      assert.is(await userOperation(app, 'GlobalSignOut', { AccessToken: g.access }), 'ok');
      return { token: g.id, identities: g.identities };
    },
    // "the identity pool will check with the integrated user pools to make sure that the user has not been
    // globally signed out or deleted" only with ServerSideTokenCheck (API reference, CognitoIdentityProvider);
    // without it, an ID token stands until it expires.
    expected: inPool('checked', REFUSED),
  },
  {
    name: 'revoked (RevokeToken on its refresh token)',
    async make() {
      const g = await genuine();
      assert.is(await userOperation(app, 'RevokeToken', { Token: g.refresh, ClientId: app.webClient }), 'ok');
      return { token: g.id, identities: g.identities };
    },
    expected: inPool('checked', REFUSED),
  },
  {
    name: "a disabled user's",
    async make() {
      const g = await genuine();
      await app.emulator.call('AdminDisableUser', { UserPoolId: app.poolId, Username: g.username });
      return { token: g.id, identities: g.identities };
    },
    // AdminDisableUser "revokes all access tokens for the user" (API reference): the check sees the revocation.
    expected: inPool('checked', REFUSED),
  },
  {
    name: "a deleted user's",
    async make() {
      const g = await genuine();
      await app.emulator.call('AdminDeleteUser', { UserPoolId: app.poolId, Username: g.username });
      return { token: g.id, identities: g.identities };
    },
    expected: inPool('checked', REFUSED),
  },
  {
    name: "a genuine ID token of another user, for this user's identity",
    async make() {
      const victim = await genuine();
      return { token: (await genuine()).id, identities: victim.identities };
    },
    // GetId answers the token owner's own identity; the other two refuse someone else's ("Logins don't match").
    expected: { ...everywhere(REFUSED), 'GetId (checked)': 'ok', 'GetId (offline)': 'ok' },
  },
];

test('Logins × identity operations: each forged or invalid ID token is refused with NotAuthorizedException wherever AWS refuses it', async () => {
  const started = Date.now();
  const failures: string[] = [];
  let calls = 0;
  for (const row of ROWS) {
    const observed: Answers = {};
    try {
      const presented = await row.make();
      for (const [name, consume] of Object.entries(CONSUMERS)) {
        observed[name] = await consume(presented);
        calls++;
      }
    } finally {
      app.clock.offsetMs = 0;
    }
    for (const name of Object.keys(CONSUMERS)) {
      const expected = row.expected[name] ?? 'ok';
      if (!agrees(observed[name], expected)) failures.push(`${row.name} → ${name}: expected "${expected}", got "${observed[name]}"`);
    }
  }
  console.log(`  Logins × identity operations: ${ROWS.length} tokens × ${Object.keys(CONSUMERS).length} consumers, ${calls} calls, ${Date.now() - started} ms`);
  assert.equal(failures, []);
});

test('Logins × identity operations: a refused login links nothing, makes no identity and issues no credentials', async () => {
  const before = (await identityCall(app.emulator, 'ListIdentities', { IdentityPoolId: pools.checked, MaxResults: 60 })).Identities.length;
  const g = await genuine();
  const forged = signRs256({ kid: 'attacker-key' }, decodePart(g.id, 1), attackerKey);
  for (const name of Object.keys(CONSUMERS)) {
    const observed = await CONSUMERS[name]!({ token: forged, identities: g.identities });
    assert.ok(agrees(observed, REFUSED), `${name}: ${observed}`);
  }
  const after = await identityCall(app.emulator, 'ListIdentities', { IdentityPoolId: pools.checked, MaxResults: 60 });
  assert.is(after.Identities.length, before + 1, 'only the genuine GetId made an identity');
  const { Logins } = await identityCall(app.emulator, 'DescribeIdentity', { IdentityId: g.identities.checked });
  assert.equal(Logins, [provider]);
});

test('Logins × identity operations: every row but the control is refused somewhere, and the table names only real consumers', () => {
  for (const row of ROWS) for (const name of Object.keys(row.expected)) assert.ok(name in CONSUMERS, `${row.name}: ${name}`);
  assert.is(ROWS.filter((row) => Object.keys(row.expected).length === 0).length, 1, 'one control row');
});

test.run();
