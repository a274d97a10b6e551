import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  algNone, attackerKey, decodePart, hs256, poolSigningKey, publishedKey, route, signRs256, startAuthApp, tamper, userInfo,
  userOperation, type AuthApp,
} from './app.js';

// Every forged or invalid ID/access token against every consumer of one: a table of tokens × consumers, each cell
// the answer a client sees. Cells that accept a token are AWS's behaviour too, cited where the row is made.

let app: AuthApp;
test.before(async () => {
  app = await startAuthApp();
});
test.after(async () => {
  await app?.close();
});

interface Presented {
  id: string;
  access: string;
}

const CONSUMERS: Record<string, (tokens: Presented) => Promise<string>> = {
  GetUser: ({ access }) => userOperation(app, 'GetUser', { AccessToken: access }),
  UpdateUserAttributes: ({ access }) =>
    userOperation(app, 'UpdateUserAttributes', { AccessToken: access, UserAttributes: [{ Name: 'name', Value: 'Changed' }] }),
  'REST, no scopes (ID token)': ({ id }) => route(app.urls.restId, id),
  'REST, scoped (access token)': ({ access }) => route(app.urls.restAccess, `Bearer ${access}`),
  'HTTP JWT (access token)': ({ access }) => route(app.urls.http, `Bearer ${access}`),
  'HTTP JWT (ID token)': ({ id }) => route(app.urls.http, id),
  '/oauth2/userInfo': ({ access }) => userInfo(app, access),
};
type Consumer = keyof typeof CONSUMERS;
type Answers = Record<Consumer, string>;

const USER_OPS = ['GetUser', 'UpdateUserAttributes'] as const;
const GATEWAYS = ['REST, no scopes (ID token)', 'REST, scoped (access token)', 'HTTP JWT (access token)', 'HTTP JWT (ID token)'] as const;

/**
 * What a forged or unverifiable token gets from each consumer: NotAuthorizedException is HTTP 403 in Cognito's
 * model; REST answers its UNAUTHORIZED gateway response, HTTP APIs 401 with an invalid_token challenge.
 */
function refusedEverywhere(userOps = 'Invalid Access Token'): Answers {
  return {
    GetUser: `403 NotAuthorizedException: ${userOps}`,
    UpdateUserAttributes: `403 NotAuthorizedException: ${userOps}`,
    'REST, no scopes (ID token)': '401 Unauthorized',
    'REST, scoped (access token)': '401 Unauthorized',
    'HTTP JWT (access token)': '401 Unauthorized (invalid_token)',
    'HTTP JWT (ID token)': '401 Unauthorized (invalid_token)',
    '/oauth2/userInfo': '401 invalid_token',
  };
}
const acceptedEverywhere = (): Answers =>
  Object.fromEntries(Object.keys(CONSUMERS).map((name) => [name, 'ok']));
const only = (names: readonly Consumer[], answer: string): Answers => Object.fromEntries(names.map((name) => [name, answer]));

interface Row {
  name: string;
  /** The tokens to present; may move the clock, which `present` puts back. */
  make(): Promise<Presented>;
  expected: Answers;
}

const signedIn = async () => app.signIn(await app.newUser());
const withClaims = (token: string, claims: Record<string, unknown>) => ({ ...decodePart(token, 1), ...claims });
const HOUR = 3_600_000;

// The gateways check a token offline (signature, issuer, audience, expiry), as AWS's do: a token Cognito has since
// revoked, or whose user is disabled or deleted, passes them until it expires ("Other requests might be valid until
// your user's token expires", GlobalSignOut API reference; API Gateway's authorizers never call Cognito).
const offlineOnly = (userOps: string): Answers => ({
  ...acceptedEverywhere(),
  ...only(USER_OPS, userOps),
  '/oauth2/userInfo': '401 invalid_token',
});

const ROWS: Row[] = [
  { name: 'a genuine token (the control row)', make: signedIn, expected: acceptedEverywhere() },
  {
    name: 'alg none, no signature',
    async make() {
      const tokens = await signedIn();
      return { id: algNone(tokens.id), access: algNone(tokens.access) };
    },
    expected: refusedEverywhere(),
  },
  {
    name: "HS256 keyed with the pool's public key (PEM)",
    async make() {
      const tokens = await signedIn();
      return { id: hs256(tokens.id, (await publishedKey(app, tokens.id)).pem), access: hs256(tokens.access, (await publishedKey(app, tokens.access)).pem) };
    },
    expected: refusedEverywhere(),
  },
  {
    name: "HS256 keyed with the pool's JWK modulus n",
    async make() {
      const tokens = await signedIn();
      return {
        id: hs256(tokens.id, (await publishedKey(app, tokens.id)).modulus),
        access: hs256(tokens.access, (await publishedKey(app, tokens.access)).modulus),
      };
    },
    expected: refusedEverywhere(),
  },
  {
    name: "unknown kid, signed with an attacker's key",
    async make() {
      const tokens = await signedIn();
      const forge = (token: string) => signRs256({ kid: 'attacker-key' }, decodePart(token, 1), attackerKey);
      return { id: forge(tokens.id), access: forge(tokens.access) };
    },
    expected: refusedEverywhere(),
  },
  {
    name: "the pool's kid, signed with an attacker's key",
    async make() {
      const tokens = await signedIn();
      const forge = (token: string) => signRs256(decodePart(token, 0), decodePart(token, 1), attackerKey);
      return { id: forge(tokens.id), access: forge(tokens.access) };
    },
    expected: refusedEverywhere(),
  },
  {
    name: "this pool's claims signed with another pool's key and kid",
    async make() {
      const tokens = await signedIn();
      const forge = async (token: string, use: 'id' | 'access') => {
        const { kid, key } = await poolSigningKey(app, app.otherPoolId, use);
        return signRs256({ kid }, decodePart(token, 1), key);
      };
      return { id: await forge(tokens.id, 'id'), access: await forge(tokens.access, 'access') };
    },
    expected: refusedEverywhere(),
  },
  {
    name: "tampered payload (another user's sub and name), signature kept",
    async make() {
      const tokens = await signedIn();
      const victim = decodePart((await signedIn()).id, 1);
      const changes = { sub: victim.sub, username: victim['cognito:username'], 'cognito:username': victim['cognito:username'] };
      return { id: tamper(tokens.id, changes), access: tamper(tokens.access, changes) };
    },
    expected: refusedEverywhere(),
  },
  {
    name: 'tampered payload (exp extended after expiry), signature kept',
    async make() {
      const tokens = await signedIn();
      app.clock.offsetMs = 2 * HOUR;
      const exp = Math.floor(Date.now() / 1000) + 10 * HOUR / 1000;
      return { id: tamper(tokens.id, { exp }), access: tamper(tokens.access, { exp }) };
    },
    expected: refusedEverywhere(),
  },
  {
    name: 'expired (the clock moved past exp)',
    async make() {
      const tokens = await signedIn();
      app.clock.offsetMs = HOUR + 1000;
      return tokens;
    },
    // REST's EXPIRED_TOKEN gateway response; Cognito's "Access Token has expired" (localstack#8775).
    expected: {
      ...refusedEverywhere('Access Token has expired'),
      ...only(['REST, no scopes (ID token)', 'REST, scoped (access token)'], '401 The incoming token has expired'),
    },
  },
  {
    name: 'not yet valid: iat in the future (issued by a clock 2 h ahead)',
    async make() {
      app.clock.offsetMs = 2 * HOUR;
      const tokens = await signedIn();
      app.clock.offsetMs = 0;
      return tokens;
    },
    expected: refusedEverywhere(),
  },
  {
    name: "not yet valid: nbf in the future, signed with the pool's own key",
    async make() {
      const tokens = await signedIn();
      const nbf = Math.floor(Date.now() / 1000) + 3600;
      const sign = async (token: string, use: 'id' | 'access') => {
        const { kid, key } = await poolSigningKey(app, app.poolId, use);
        return signRs256({ kid }, withClaims(token, { nbf }), key);
      };
      return { id: await sign(tokens.id, 'id'), access: await sign(tokens.access, 'access') };
    },
    expected: refusedEverywhere(),
  },
  {
    name: "another pool's genuine token",
    make: async () => app.signIn(await app.newUser(app.otherPoolId), app.otherPoolClient),
    // The user operations and userInfo serve any pool's user (the token names its pool); the routes trust this pool only.
    expected: { ...acceptedEverywhere(), ...refusedEverywhere(), ...only(USER_OPS, 'ok'), '/oauth2/userInfo': 'ok' },
  },
  {
    name: "another client's genuine token (same pool)",
    make: async () => app.signIn(await app.newUser(), app.otherClient),
    // Only the HTTP API's Audience names a client; a REST Cognito authorizer does not check the client (developer
    // guide; shared/reference/triggers-and-authorizers.md §2) and user operations take any client's token.
    expected: { ...acceptedEverywhere(), ...only(['HTTP JWT (access token)', 'HTTP JWT (ID token)'], '401 Unauthorized (invalid_token)') },
  },
  {
    name: 'revoked (RevokeToken on its refresh token)',
    async make() {
      const tokens = await signedIn();
      assert.is(await userOperation(app, 'RevokeToken', { Token: tokens.refresh, ClientId: app.webClient }), 'ok');
      return tokens;
    },
    expected: offlineOnly('403 NotAuthorizedException: Access Token has been revoked'),
  },
  {
    name: 'signed out (GlobalSignOut)',
    async make() {
      const tokens = await signedIn();
      assert.is(await userOperation(app, 'GlobalSignOut', { AccessToken: tokens.access }), 'ok');
      return tokens;
    },
    expected: offlineOnly('403 NotAuthorizedException: Access Token has been revoked'),
  },
  {
    name: "a disabled user's",
    async make() {
      const username = await app.newUser();
      const tokens = await app.signIn(username);
      await app.emulator.call('AdminDisableUser', { UserPoolId: app.poolId, Username: username });
      return tokens;
    },
    // "Deactivates a user profile and revokes all access tokens for the user" (AdminDisableUser API reference).
    expected: offlineOnly('403 NotAuthorizedException: Access Token has been revoked'),
  },
  {
    name: "a deleted user's",
    async make() {
      const username = await app.newUser();
      const tokens = await app.signIn(username);
      await app.emulator.call('AdminDeleteUser', { UserPoolId: app.poolId, Username: username });
      return tokens;
    },
    expected: offlineOnly('404 UserNotFoundException: User does not exist.'),
  },
  {
    name: 'the other kind: an ID token where an access token is wanted, and the reverse',
    async make() {
      const tokens = await signedIn();
      return { id: tokens.access, access: tokens.id };
    },
    // An HTTP API JWT authorizer cannot tell them apart (both carry the client as aud or client_id) and takes
    // either (http-api-jwt-authorizer; AWS recommends scopes for that reason).
    expected: { ...refusedEverywhere(), ...only(['HTTP JWT (access token)', 'HTTP JWT (ID token)'], 'ok') },
  },
];

test('tokens × consumers: each forged or invalid token is refused by every consumer that AWS makes refuse it', async () => {
  const started = Date.now();
  const failures: string[] = [];
  let calls = 0;
  for (const row of ROWS) {
    let presented: Presented;
    const observed: Answers = {};
    try {
      presented = await row.make();
      for (const [name, consume] of Object.entries(CONSUMERS)) {
        observed[name as Consumer] = await consume(presented);
        calls++;
      }
    } finally {
      app.clock.offsetMs = 0;
    }
    for (const [name, answer] of Object.entries(row.expected)) {
      if (observed[name as Consumer] !== answer) failures.push(`${row.name} → ${name}: expected "${answer}", got "${observed[name as Consumer]}"`);
    }
  }
  console.log(`  tokens × consumers: ${ROWS.length} tokens × ${Object.keys(CONSUMERS).length} consumers, ${calls} calls, ${Date.now() - started} ms`);
  assert.equal(failures, []);
});

test('tokens × consumers: the table covers every consumer in every row, and every row is refused somewhere but the control', () => {
  for (const row of ROWS) assert.equal(Object.keys(row.expected).sort(), Object.keys(CONSUMERS).sort(), row.name);
  const refusing = ROWS.filter((row) => Object.values(row.expected).some((answer) => answer !== 'ok'));
  assert.is(refusing.length, ROWS.length - 1);
  // Every gateway refuses at least half the forged rows: a gateway that accepted anything would fail the table.
  for (const gateway of GATEWAYS) assert.ok(ROWS.filter((row) => row.expected[gateway] !== 'ok').length >= ROWS.length / 2, gateway);
});

test.run();
