import { AdminDisableUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { confirmedUser, hostedApp, PASSWORD, tokenRequest } from '../../e2e/hostedUi/app.js';
import { CALLBACK, withHostedApp } from './harness.js';
import { Browser, errorOn, labels } from './pages.js';

const hosted = withHostedApp(test, { user: 'ana' });

test('/login: renders the sign-in form, accessible, with the security headers', async () => {
  const page = await new Browser(hosted.emulator).page('/login', hosted.app, { state: 'abc' });
  assert.is(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  assert.is((page.html.match(/<h1[\s>]/g) ?? []).length, 1, 'one h1');
  assert.match(page.html, /<main[\s>]/);
  assert.match(page.html, /<html lang="en">/);
  assert.equal(labels(page), { username: 'Username', password: 'Password' });
  assert.match(page.html, /<input[^>]*name="username"/);
  assert.match(page.html, /<input[^>]*name="password"[^>]*type="password"/);
  // The authorize parameters travel in the form's action and in the links to the other pages.
  const action = /<form method="post" action="([^"]+)"/.exec(page.html)![1]!.replace(/&amp;/g, '&');
  const query = new URL(action, hosted.emulator.url).searchParams;
  assert.is(query.get('client_id'), hosted.app.clientId);
  assert.is(query.get('state'), 'abc');
  assert.is(query.get('redirect_uri'), CALLBACK);
  assert.match(page.html, new RegExp(`href="/signup\\?[^"]*client_id=${hosted.app.clientId}`));
  assert.match(page.html, new RegExp(`href="/forgotPassword\\?[^"]*client_id=${hosted.app.clientId}`));
  assert.not.match(page.html, /<script/i);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.not.match(csp, /script-src/);
  assert.is(page.headers.get('x-frame-options'), 'DENY');
  assert.is(page.headers.get('referrer-policy'), 'no-referrer');
  assert.is(page.headers.get('cache-control'), 'no-store');
});

test('/login: a right password redirects to the callback with code and state, and the code gives tokens', async () => {
  const browser = new Browser(hosted.emulator);
  const login = await browser.page('/login', hosted.app, { state: 'st-1' });
  const done = await browser.submit(login, 'password', { username: 'ana', password: PASSWORD });
  assert.is(done.status, 302, done.html);
  const landed = new URL(done.location!);
  assert.is(`${landed.origin}${landed.pathname}`, CALLBACK);
  assert.is(landed.searchParams.get('state'), 'st-1');
  const code = landed.searchParams.get('code');
  assert.ok(code);
  const { status, body } = await tokenRequest(hosted.emulator, { grant_type: 'authorization_code', client_id: hosted.app.clientId, code: code!, redirect_uri: CALLBACK });
  assert.is(status, 200, JSON.stringify(body));
  assert.ok(body.access_token);
  // The session cookie now skips the form.
  const again = await browser.page('/login', hosted.app, { state: 'st-2' });
  assert.is(again.status, 302);
  assert.is(new URL(again.location!).searchParams.get('state'), 'st-2');
});

test('/login: a wrong password shows the error on the form, the username kept', async () => {
  const browser = new Browser(hosted.emulator);
  const page = await browser.submit(await browser.page('/login', hosted.app), 'password', { username: 'ana', password: 'Wrong-Passw0rd!' });
  assert.is(page.status, 400);
  assert.is(errorOn(page), 'Incorrect username or password.');
  assert.match(page.html, /name="username"[^>]*value="ana"/);
  assert.not.ok(page.location);
});

test('/login: an unknown user and a disabled user get AWS messages', async () => {
  const browser = new Browser(hosted.emulator);
  const unknown = await browser.submit(await browser.page('/login', hosted.app), 'password', { username: 'nobody', password: PASSWORD });
  assert.is(errorOn(unknown), 'User does not exist.');
  await confirmedUser(hosted.emulator, hosted.app.poolId, 'dis');
  await hosted.emulator.client.send(new AdminDisableUserCommand({ UserPoolId: hosted.app.poolId, Username: 'dis' }));
  const disabled = await browser.submit(await browser.page('/login', hosted.app), 'password', { username: 'dis', password: PASSWORD });
  assert.is(errorOn(disabled), 'User is disabled.');
});

test('/login: an empty form is refused on the page', async () => {
  const browser = new Browser(hosted.emulator);
  const page = await browser.submit(await browser.page('/login', hosted.app), 'password', { username: '', password: '' });
  assert.is(page.status, 400);
  assert.ok(errorOn(page));
});

test('/login: an XSS payload in state and in the username is escaped', async () => {
  const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const browser = new Browser(hosted.emulator);
  const login = await browser.page('/login', hosted.app, { state: payload });
  assert.is(login.status, 200);
  assert.not.ok(login.html.includes(payload));
  assert.not.match(login.html, /<script|<img src=x/i);
  const failed = await browser.submit(login, 'password', { username: payload, password: 'x' });
  assert.not.ok(failed.html.includes(payload));
  assert.not.match(failed.html, /<script|<img src=x/i);
  assert.ok(failed.html.includes('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'), 'shown as text');
});

test('/login: an unknown client or a foreign redirect_uri is an error page, never a redirect', async () => {
  const browser = new Browser(hosted.emulator);
  const foreign = await browser.page('/login', hosted.app, { redirect_uri: 'https://evil.example/cb' });
  assert.is(foreign.status, 400);
  assert.not.ok(foreign.location);
  assert.match(foreign.html, /errorMessage-customizable/);
  assert.is(foreign.headers.get('x-frame-options'), 'DENY');
  const unknown = await browser.page('/login', hosted.app, { client_id: 'nosuchclient' });
  assert.is(unknown.status, 400);
  assert.match(unknown.html, /nosuchclient does not exist/);
  // Posting is checked the same way (with the form token of a page that has one, so that it is the client refused).
  const posted = await browser.post(`${hosted.emulator.url}/login?client_id=nosuchclient`, { username: 'ana', password: 'x' }, await browser.page('/login', hosted.app));
  assert.is(posted.status, 400);
  assert.not.ok(posted.location);
});

test('/login: an unconfirmed user with the right password goes on to /confirm', async () => {
  await hosted.emulator.client.send(new SignUpCommand({
    ClientId: hosted.app.clientId, Username: 'una', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'una@example.com' }],
  }));
  const browser = new Browser(hosted.emulator);
  const page = await browser.submit(await browser.page('/login', hosted.app, { state: 's' }), 'password', { username: 'una', password: PASSWORD });
  assert.is(page.status, 302);
  const next = new URL(page.location!);
  assert.is(next.pathname, '/confirm');
  assert.is(next.searchParams.get('username'), 'una');
  assert.is(next.searchParams.get('state'), 's');
});

test('/login: a client without the code flow sends the error back to the callback', async () => {
  const implicitOnly = await hostedApp(hosted.emulator, CALLBACK, { AllowedOAuthFlows: ['implicit'] });
  const page = await new Browser(hosted.emulator).page('/login', implicitOnly, { state: 'q' });
  assert.is(page.status, 302);
  const back = new URL(page.location!);
  assert.is(back.searchParams.get('error'), 'unauthorized_client');
  assert.is(back.searchParams.get('state'), 'q');
});

test.run();
