import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { postForm } from '../../oauth2/protocol/harness.js';
import { startAuthApp, userOperation, type AuthApp } from './app.js';

// Every bad refresh token against every way to refresh: InitiateAuth REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken
// and /oauth2/token's refresh_token grant, each presenting the token for the pool's web client.

let app: AuthApp;
test.before(async () => {
  app = await startAuthApp();
});
test.after(async () => {
  await app?.close();
});

const CONSUMERS: Record<string, (refresh: string, clientId: string) => Promise<string>> = {
  REFRESH_TOKEN_AUTH: (token, ClientId) =>
    userOperation(app, 'InitiateAuth', { ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token } }),
  GetTokensFromRefreshToken: (RefreshToken, ClientId) => userOperation(app, 'GetTokensFromRefreshToken', { ClientId, RefreshToken }),
  '/oauth2/token refresh_token': async (refresh_token, client_id) => {
    const response = await postForm(app.emulator, '/oauth2/token', { grant_type: 'refresh_token', client_id, refresh_token });
    const body = (await response.json()) as Record<string, string>;
    return response.status === 200 && body.access_token ? 'ok' : `${response.status} ${body.error}`;
  },
};

/** The API's NotAuthorizedException (HTTP 403 in Cognito's model) and the token endpoint's invalid_grant (RFC 6749 §5.2). */
const refused = (message: string, api = `403 NotAuthorizedException: ${message}`) => ({
  REFRESH_TOKEN_AUTH: api,
  GetTokensFromRefreshToken: api,
  '/oauth2/token refresh_token': '400 invalid_grant',
});

interface Row {
  name: string;
  /** The refresh token to present and the client presenting it; may move the clock (put back after the row). */
  make(): Promise<{ token: string; clientId?: string }>;
  expected: Record<string, string>;
}

const signedIn = async () => app.signIn(await app.newUser());
const DAY = 86_400_000;

/** One character of the sealed token's ciphertext changed. */
function flip(token: string, part: number): string {
  const parts = token.split('.');
  const segment = parts[part]!;
  parts[part] = `${segment[0] === 'A' ? 'B' : 'A'}${segment.slice(1)}`;
  return parts.join('.');
}

const ROWS: Row[] = [
  {
    name: 'a genuine refresh token (the control row)',
    make: async () => ({ token: (await signedIn()).refresh }),
    expected: { REFRESH_TOKEN_AUTH: 'ok', GetTokensFromRefreshToken: 'ok', '/oauth2/token refresh_token': 'ok' },
  },
  { name: 'tampered ciphertext', make: async () => ({ token: flip((await signedIn()).refresh, 3) }), expected: refused('Invalid Refresh Token') },
  { name: 'tampered header', make: async () => ({ token: flip((await signedIn()).refresh, 0) }), expected: refused('Invalid Refresh Token') },
  { name: 'tampered tag', make: async () => ({ token: flip((await signedIn()).refresh, 4) }), expected: refused('Invalid Refresh Token') },
  {
    name: 'truncated',
    make: async () => ({ token: (await signedIn()).refresh.split('.').slice(0, 4).join('.') }),
    expected: refused('Invalid Refresh Token'),
  },
  { name: 'an access token given as a refresh token', make: async () => ({ token: (await signedIn()).access }), expected: refused('Invalid Refresh Token') },
  {
    name: "another client's (same pool)",
    make: async () => ({ token: (await app.signIn(await app.newUser(), app.otherClient)).refresh }),
    expected: refused('Invalid Refresh Token'),
  },
  {
    name: "another pool's",
    make: async () => ({ token: (await app.signIn(await app.newUser(app.otherPoolId), app.otherPoolClient)).refresh }),
    expected: refused('Invalid Refresh Token'),
  },
  {
    name: 'revoked (RevokeToken)',
    async make() {
      const { refresh } = await signedIn();
      assert.is(await userOperation(app, 'RevokeToken', { Token: refresh, ClientId: app.webClient }), 'ok');
      return { token: refresh };
    },
    expected: refused('Refresh Token has been revoked'),
  },
  {
    name: 'signed out (GlobalSignOut)',
    async make() {
      const { refresh, access } = await signedIn();
      assert.is(await userOperation(app, 'GlobalSignOut', { AccessToken: access }), 'ok');
      return { token: refresh };
    },
    expected: refused('Refresh Token has been revoked'),
  },
  {
    name: "a disabled user's",
    async make() {
      const username = await app.newUser();
      const { refresh } = await app.signIn(username);
      await app.emulator.call('AdminDisableUser', { UserPoolId: app.poolId, Username: username });
      return { token: refresh };
    },
    // AdminDisableUser "revokes all access tokens for the user"; its refresh tokens go with them.
    expected: refused('Refresh Token has been revoked'),
  },
  {
    name: "a deleted user's",
    async make() {
      const username = await app.newUser();
      const { refresh } = await app.signIn(username);
      await app.emulator.call('AdminDeleteUser', { UserPoolId: app.poolId, Username: username });
      return { token: refresh };
    },
    expected: refused('User does not exist.', '404 UserNotFoundException: User does not exist.'),
  },
  {
    name: 'expired (the clock moved past 30 days)',
    async make() {
      const { refresh } = await signedIn();
      app.clock.offsetMs = 30 * DAY + 1000;
      return { token: refresh };
    },
    expected: refused('Refresh Token has expired'),
  },
];

test('refresh tokens × refresh consumers: each bad refresh token is refused by every way to refresh', async () => {
  const started = Date.now();
  const failures: string[] = [];
  let calls = 0;
  for (const row of ROWS) {
    try {
      const { token, clientId = app.webClient } = await row.make();
      for (const [name, consume] of Object.entries(CONSUMERS)) {
        const observed = await consume(token, clientId);
        calls++;
        if (observed !== row.expected[name]) failures.push(`${row.name} → ${name}: expected "${row.expected[name]}", got "${observed}"`);
      }
    } finally {
      app.clock.offsetMs = 0;
    }
  }
  console.log(`  refresh × consumers: ${ROWS.length} tokens × ${Object.keys(CONSUMERS).length} consumers, ${calls} calls, ${Date.now() - started} ms`);
  assert.equal(failures, []);
});

test('refresh tokens × refresh consumers: the table names every consumer in every row', () => {
  for (const row of ROWS) assert.equal(Object.keys(row.expected).sort(), Object.keys(CONSUMERS).sort(), row.name);
});

test.run();
