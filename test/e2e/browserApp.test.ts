import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { CreateUserPoolClientCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { chromium, type Browser } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CHROMIUM } from '../helpers/browser.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { createPool } from '../helpers/fixtures.js';

/**
 * A web app in a real browser, served from another origin than the emulator's, uses amazon-cognito-identity-js's
 * browser bundle unchanged: sign-up, confirmation and SRP sign-in cross origins through CORS preflights
 * (src/server/cors.ts). A page of a site that is neither loopback nor named with --allow-origin is blocked by the
 * browser, and the emulator records nothing of it (src/server/crossSite.ts).
 */
const test = suite('browser app across origins');
const CODE = '123456';
const PASSWORD = 'Browser-Passw0rd!';
// Chromium resolves these names to loopback (--host-resolver-rules), so that the same page server is reached as
// another site: `app.example.test` is allowed with --allow-origin, `other.example.test` is not.
const ALLOWED_HOST = 'app.example.test';
const OTHER_HOST = 'other.example.test';
const SDK = readFileSync(createRequire(import.meta.url).resolve('amazon-cognito-identity-js/dist/amazon-cognito-identity.min.js'));

// The app's page: its script runs sign-up, confirmation and SRP sign-in, and resolves with tokens or the failing step.
const PAGE = `<!doctype html><title>app</title><script src="/sdk.js"></script><script>
window.signUpAndIn = (endpoint, poolId, clientId, username, password, code) => new Promise((resolve) => {
  const C = window.AmazonCognitoIdentity;
  const pool = new C.CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint });
  const failed = (step) => (error) => resolve({ step, error: error.code + ': ' + error.message });
  const email = new C.CognitoUserAttribute({ Name: 'email', Value: username + '@example.com' });
  pool.signUp(username, password, [email], null, (error) => {
    if (error) return failed('signUp')(error);
    const user = new C.CognitoUser({ Username: username, Pool: pool });
    user.confirmRegistration(code, true, (error) => {
      if (error) return failed('confirm')(error);
      user.authenticateUser(new C.AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: (session) => pool.signUp(username, password, [email], null, (again) => resolve({
          idToken: session.getIdToken().getJwtToken(),
          accessToken: session.getAccessToken().getJwtToken(),
          refreshToken: session.getRefreshToken().getToken(),
          // An AWS error read across origins: the page sees its type, not an opaque network failure.
          signUpAgain: again && again.code,
        })),
        onFailure: failed('signIn'),
      });
    });
  });
});
</script>`;

let emulator: TestEmulator;
let pages: Server;
let pagePort: number;
let browser: Browser;
let poolId: string;
let clientId: string;

test.before(async () => {
  pages = createServer((request, response) => {
    if (request.url === '/sdk.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(SDK);
    else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagePort = (pages.address() as AddressInfo).port;
  emulator = await startTestEmulator({ code: CODE, allowOrigins: [`http://${ALLOWED_HOST}:${pagePort}`] });
  poolId = await createPool(emulator, { AutoVerifiedAttributes: ['email'] });
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  clientId = UserPoolClient!.ClientId!;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [`--host-resolver-rules=MAP ${ALLOWED_HOST} 127.0.0.1, MAP ${OTHER_HOST} 127.0.0.1`],
  });
});

test.after(async () => {
  await browser?.close();
  await emulator?.close();
  pages?.closeAllConnections();
  await new Promise((resolve) => pages?.close(resolve));
});

/** Opens the app at `host` and runs its sign-up and sign-in against the emulator; also what the console said. */
async function runApp(host: string, username: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    await page.goto(`http://${host}:${pagePort}/`);
    const endpoint = `http://127.0.0.1:${emulator.port}/`;
    const result = await page.evaluate(
      ([endpoint, poolId, clientId, username, password, code]) =>
        (window as unknown as { signUpAndIn: (...args: string[]) => Promise<Record<string, string>> }).signUpAndIn(endpoint!, poolId!, clientId!, username!, password!, code!),
      [endpoint, poolId, clientId, username, PASSWORD, CODE],
    );
    return { result, console };
  } finally {
    await context.close();
  }
}

const usernames = async () =>
  ((await emulator.client.send(new ListUsersCommand({ UserPoolId: poolId }))).Users ?? []).map((user) => user.Username);

function assertSignedIn(result: Record<string, string>, username: string) {
  assert.ok(result.idToken && result.accessToken && result.refreshToken, JSON.stringify(result));
  const claims = JSON.parse(Buffer.from(result.idToken!.split('.')[1]!, 'base64url').toString());
  assert.is(claims['cognito:username'], username);
  assert.is(claims.email_verified, true);
  assert.is(result.signUpAgain, 'UsernameExistsException');
}

test('Browser app: a page on another loopback port signs up, confirms and signs in with SRP', async () => {
  const { result } = await runApp('localhost', 'loopback-user');
  assertSignedIn(result, 'loopback-user');
});

test('Browser app: a page on an --allow-origin host signs up, confirms and signs in with SRP', async () => {
  const { result } = await runApp(ALLOWED_HOST, 'allowed-user');
  assertSignedIn(result, 'allowed-user');
});

test('Browser app: a page of a site not allowed is blocked by CORS and the emulator records no user', async () => {
  const { result, console } = await runApp(OTHER_HOST, 'other-user');
  assert.is(result.step, 'signUp', JSON.stringify(result));
  assert.not.ok(result.idToken);
  assert.ok(console.some((line) => /blocked by CORS policy/.test(line)), console.join('\n'));
  const names = await usernames();
  assert.not.ok(names.includes('other-user'), names.join(','));
  assert.ok(names.includes('loopback-user') && names.includes('allowed-user'), names.join(','));
});

test.run();
