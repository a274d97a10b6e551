import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchBrowser, startCallbackServer, type CallbackServer } from '../../helpers/browser.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { authorizeUrl, confirmedUser, hostedApp, latestCode, PASSWORD, tokenRequest, type HostedApp } from './app.js';

// The hosted UI in a real headless Chromium, as a web app's user meets it: the authorize redirect, sign-up, the
// emailed code, sign-in, the callback with code and state, and the session cookie that skips the form next time.
// Locators are by label and role, so the pages' accessibility (labelled fields, named buttons) is tested too.

let emulator: TestEmulator;
let callback: CallbackServer;
let app: HostedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

test.before(async () => {
  emulator = await startTestEmulator();
  callback = await startCallbackServer();
  app = await hostedApp(emulator, callback.url);
  browser = await launchBrowser();
});
test.after(async () => {
  await browser?.close();
  await callback?.close();
  await emulator?.close();
});
test.before.each(async () => {
  context = await browser.newContext();
  // Failures should show in seconds, not after playwright's 30 s default.
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});
test.after.each(() => context.close());

const onCallback = (url: URL) => url.href.startsWith(callback.url);

async function signIn(username: string): Promise<void> {
  await page.getByLabel(/^username/i).fill(username);
  await page.getByLabel(/^password/i).fill(PASSWORD);
  await page.getByRole('button', { name: /^sign in$/i }).click();
}

test('hosted UI in Chromium: sign up, confirm with the emailed code, sign in, land on the callback, exchange the code', async () => {
  await page.goto(authorizeUrl(emulator, app, { state: 'xyz' }));
  assert.is(new URL(page.url()).pathname, '/login', 'authorize sends the browser to the login page');
  assert.is(await page.getByRole('heading', { level: 1 }).count(), 1);

  await page.getByRole('link', { name: /sign up/i }).click();
  await page.waitForURL((url) => url.pathname === '/signup');
  await page.getByLabel(/^username/i).fill('jo');
  await page.getByLabel(/^email/i).fill('jo@example.com');
  await page.getByLabel(/^password/i).fill(PASSWORD);
  await page.getByRole('button', { name: /^sign up$/i }).click();

  await page.waitForURL((url) => url.pathname === '/confirm');
  await page.getByLabel(/code/i).fill(await latestCode(emulator, app.poolId, 'jo'));
  await page.getByRole('button', { name: /confirm/i }).click();

  // After confirming, Cognito's classic hosted UI asks the user to sign in.
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn('jo');
  await page.waitForURL(onCallback);

  const landed = new URL(page.url());
  assert.is(landed.searchParams.get('state'), 'xyz');
  const code = landed.searchParams.get('code');
  assert.ok(code, 'the callback carries a code');
  assert.is(callback.hits.at(-1)?.href, landed.href, 'the web app received the redirect');

  const { status, body } = await tokenRequest(emulator, {
    grant_type: 'authorization_code', client_id: app.clientId, code: code!, redirect_uri: app.callbackUrl,
  });
  assert.is(status, 200, JSON.stringify(body));
  assert.is(body.token_type, 'Bearer');
  const keys = createRemoteJWKSet(new URL(`${emulator.url}/${app.poolId}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(body.id_token, keys, { issuer: app.issuer, audience: app.clientId });
  assert.is(payload.token_use, 'id');
  assert.is(payload['cognito:username'], 'jo');
  assert.is(payload.email, 'jo@example.com');
  assert.is(payload.email_verified, true);
  assert.equal(String(decodeJwt(body.access_token).scope).split(' ').sort(), ['email', 'openid']);

  // The code is single use (RFC 6749 §4.1.2): a replay is invalid_grant.
  const replay = await tokenRequest(emulator, {
    grant_type: 'authorization_code', client_id: app.clientId, code: code!, redirect_uri: app.callbackUrl,
  });
  assert.is(replay.status, 400);
  assert.is(replay.body.error, 'invalid_grant');
});

test('hosted UI in Chromium: a second authorize in the same browser skips the form (session cookie)', async () => {
  await confirmedUser(emulator, app.poolId, 'sam');
  await page.goto(authorizeUrl(emulator, app, { state: 'first' }));
  await signIn('sam');
  await page.waitForURL(onCallback);
  const first = new URL(page.url());

  const visited: string[] = [];
  page.on('request', (request) => visited.push(new URL(request.url()).pathname));
  await page.goto(authorizeUrl(emulator, app, { state: 'second' }));
  await page.waitForURL(onCallback);
  const second = new URL(page.url());
  assert.is(second.searchParams.get('state'), 'second');
  assert.ok(second.searchParams.get('code'));
  assert.is.not(second.searchParams.get('code'), first.searchParams.get('code'));
  assert.not.ok(visited.includes('/login'), `no login page on the way: ${visited.join(' ')}`);

  const { status, body } = await tokenRequest(emulator, {
    grant_type: 'authorization_code', client_id: app.clientId, code: second.searchParams.get('code')!, redirect_uri: app.callbackUrl,
  });
  assert.is(status, 200, JSON.stringify(body));
  assert.is(decodeJwt(body.id_token)['cognito:username'], 'sam');

  // Another browser (no cookie) gets the form again.
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(authorizeUrl(emulator, app, { state: 'third' }));
    assert.is(new URL(other.url()).pathname, '/login');
  } finally {
    await fresh.close();
  }
});

const XSS = '"><script>alert(1)</script>';

test('hosted UI in Chromium: a script in state does not run, is escaped in the page, and comes back intact', async () => {
  await confirmedUser(emulator, app.poolId, 'kim');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const url = authorizeUrl(emulator, app, { state: XSS });
  await page.goto(url);
  assert.is(new URL(page.url()).pathname, '/login');

  // The raw HTML carries the value escaped, as HTML or URL text (a Content-Security-Policy alone must not be what
  // stops it).
  const html = await (await fetch(page.url())).text();
  assert.not.ok(html.includes('<script>alert(1)</script>'), 'the payload is not in the page as markup');
  assert.ok(/(&quot;|&#34;|&#x22;)&gt;&lt;script&gt;|%22%3E%3Cscript%3E/i.test(html), 'the payload is in the page, escaped');
  assert.not.ok(await page.evaluate('[...document.scripts].some((script) => script.text.includes("alert"))'), 'no script element from state');

  await signIn('kim');
  await page.waitForURL(onCallback);
  assert.is(new URL(page.url()).searchParams.get('state'), XSS, 'the state returns to the app exactly as sent');
  assert.equal(dialogs, [], 'no dialog fired');
});

test('hosted UI in Chromium: a redirect_uri the client does not list is a 400 page, never a redirect', async () => {
  const before = callback.hits.length;
  for (const redirect_uri of ['https://evil.example/callback', `${callback.url}/extra`, callback.url.replace('localhost', '127.0.0.1')]) {
    const response = await page.goto(authorizeUrl(emulator, app, { redirect_uri, state: 's' }));
    assert.is(response?.status(), 400, redirect_uri);
    assert.is(new URL(page.url()).origin, emulator.url, 'the browser stays on the emulator');
    assert.is(await page.getByRole('heading', { level: 1 }).count(), 1, 'an error page, with a heading');

    const raw = await fetch(authorizeUrl(emulator, app, { redirect_uri }), { redirect: 'manual' });
    assert.is(raw.status, 400);
    assert.is(raw.headers.get('location'), null);
    assert.match(String(raw.headers.get('content-type')), /^text\/html/);
  }
  assert.is(callback.hits.length, before, 'nothing reached the app');
});

test.run();
