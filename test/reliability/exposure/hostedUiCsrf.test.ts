import { AdminCreateUserCommand, AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { authorizeUrl, PASSWORD } from '../../e2e/hostedUi/app.js';
import { rejection } from '../../helpers/emulator.js';
import { withHostedApp } from '../../oauth2/hostedUi/harness.js';
import { Browser, csrfOn, errorOn, type Page } from '../../oauth2/hostedUi/pages.js';

/**
 * A page of another site cannot post the hosted UI's forms through the developer's browser. Before
 * src/oauth2/hostedUi/csrf.ts a page could sign the browser in as the attacker (login CSRF: the app then holds the
 * attacker's tokens) or submit sign-up, confirm and reset forms (found by this family; see RELIABILITY.md). Every form
 * now carries `_csrf`, the token of the `cogniform-xsrf` cookie its page set, as AWS's hosted UI does with XSRF-TOKEN.
 */
const test = suite('exposure: hosted UI forms (CSRF)');
const hosted = withHostedApp(test, { user: 'ana' });
const EVIL = 'https://evil.example';
const REFUSED = /^An error was encountered with the requested page\./;

/** Every path a hosted-UI form posts to, with a body that would otherwise do something. */
const FORMS: Record<string, Record<string, string>> = {
  '/login': { username: 'ana', password: PASSWORD },
  '/signup': { username: 'newcomer', 'attribute.email': 'newcomer@example.com', password: PASSWORD },
  '/confirm': { username: 'una', code: '123456' },
  '/resendCode': { username: 'una' },
  '/forgotPassword': { username: 'ana' },
  '/confirmForgotPassword': { username: 'ana', code: '123456', password: 'Other-Passw0rd!' },
  '/mfa': { session: 'forged-session-id-000000000000', username: 'ana', challenge: 'SOFTWARE_TOKEN_MFA', code: '123456' },
  '/selectMfa': { session: 'forged-session-id-000000000000', username: 'ana', factor: 'SMS_MFA' },
  '/newPassword': { session: 'forged-session-id-000000000000', username: 'ana', password: 'Other-Passw0rd!' },
};

/** The authorize parameters a form's action carries. */
const query = () => new URL(authorizeUrl(hosted.emulator, hosted.app, { state: 'csrf' })).search;

/** The value a page's answer set the cogniform-xsrf cookie to, with the cookie's attributes. */
function xsrfCookie(page: Pick<Page, 'headers'>): { value: string; attributes: string[] } | undefined {
  const cookie = page.headers.getSetCookie().find((c) => c.startsWith('cogniform-xsrf='));
  if (!cookie) return undefined;
  const [pair = '', ...attributes] = cookie.split(';').map((part) => part.trim());
  return { value: pair.slice('cogniform-xsrf='.length), attributes };
}

/** A POST with exactly these headers (no cookie jar), not following redirects. */
async function rawPost(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${hosted.emulator.url}${path}${query()}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const page: Page = { status: response.status, url: path, html: await response.text(), headers: response.headers, location: response.headers.get('location') ?? undefined };
  return page;
}

function assertRefused(page: Page, what: string): void {
  assert.is(page.status, 403, `${what}: ${page.status} ${errorOn(page) ?? page.html.slice(0, 200)}`);
  assert.match(errorOn(page) ?? '', REFUSED, what);
  assert.is(page.location, undefined, `${what}: no redirect`);
  assert.equal(page.headers.getSetCookie(), [], `${what}: no cookie (no session, no new token)`);
}

async function codeCount(username: string): Promise<number> {
  const search = new URLSearchParams({ userPoolId: hosted.app.poolId, username });
  return ((await (await fetch(`${hosted.emulator.url}/_cogniform/codes?${search}`)).json()) as { codes: unknown[] }).codes.length;
}

test('hosted UI forms: every form of every page carries _csrf, the token of the cogniform-xsrf cookie the page sets', async () => {
  const browser = new Browser(hosted.emulator);
  const pages = ['/login', '/signup', '/confirm', '/forgotPassword', '/confirmForgotPassword'];
  let token: string | undefined;
  for (const path of pages) {
    const page = await browser.page(path, hosted.app, { username: 'ana' });
    assert.is(page.status, 200, path);
    const forms = [...page.html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)];
    assert.ok(forms.length > 0, path);
    for (const [, body = ''] of forms) assert.match(body, /<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}">/, `${path}: each form`);
    const cookie = xsrfCookie(page);
    assert.ok(cookie, `${path}: sets cogniform-xsrf`);
    // As AWS sets it (aws-amplify/amplify-js#5284): Path=/, HttpOnly, SameSite=Lax; no Secure over http.
    assert.equal(cookie!.attributes, ['Path=/', 'HttpOnly', 'SameSite=Lax'], path);
    assert.is(csrfOn(page), cookie!.value, `${path}: the field is the cookie's token`);
    // One browser keeps one token, so that pages open in several tabs all still post.
    assert.is(cookie!.value, token ?? cookie!.value, `${path}: the browser's token`);
    token = cookie!.value;
  }
  // A step page shown in answer to a post carries it too.
  await hosted.emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: hosted.app.poolId, Username: 'tia', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: 'tia@example.com' }],
  }));
  const step = await browser.submit(await browser.page('/login', hosted.app), 'password', { username: 'tia', password: 'Temp-Passw0rd!' });
  assert.match(step.html, /Change your password/);
  assert.is(csrfOn(step), token);
});

test('hosted UI forms: a post without _csrf, without the cookie, with a wrong token or from another site is refused and changes nothing', async () => {
  await hosted.emulator.client.send(new SignUpCommand({
    ClientId: hosted.app.clientId, Username: 'una', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'una@example.com' }],
  }));
  const codes = { ana: await codeCount('ana'), una: await codeCount('una') };
  const mine = await new Browser(hosted.emulator).page('/login', hosted.app);
  const cookie = `cogniform-xsrf=${xsrfCookie(mine)!.value}`;
  const token = csrfOn(mine);
  // The attacker's own pair: a real token, fetched by the attacker's own browser.
  const theirs = csrfOn(await new Browser(hosted.emulator).page('/login', hosted.app));
  for (const [path, fields] of Object.entries(FORMS)) {
    assertRefused(await rawPost(path, fields, { cookie }), `${path} without _csrf`);
    assertRefused(await rawPost(path, { ...fields, _csrf: token }), `${path} without the cookie`);
    assertRefused(await rawPost(path, { ...fields, _csrf: theirs }, { cookie }), `${path} with another browser's token`);
    assertRefused(await rawPost(path, { ...fields, _csrf: '' }, { cookie: 'cogniform-xsrf=' }), `${path} with empty token and cookie`);
    // A form on another site's page: the browser sends no SameSite=Lax cookie with it, whatever the page put in _csrf.
    assertRefused(await rawPost(path, { ...fields, _csrf: theirs }, { origin: EVIL }), `${path} from another site`);
  }
  // Nothing happened: no user signed up, no code sent, una not confirmed.
  assert.is((await rejection(hosted.emulator.client.send(new AdminGetUserCommand({ UserPoolId: hosted.app.poolId, Username: 'newcomer' })))).name, 'UserNotFoundException');
  assert.equal({ ana: await codeCount('ana'), una: await codeCount('una') }, codes);
  const una = await hosted.emulator.client.send(new AdminGetUserCommand({ UserPoolId: hosted.app.poolId, Username: 'una' }));
  assert.is(una.UserStatus, 'UNCONFIRMED');
});

test('hosted UI login CSRF: another site\'s form with the attacker\'s credentials does not sign the browser in', async () => {
  const victim = new Browser(hosted.emulator);
  await victim.page('/login', hosted.app); // the victim has used the hosted UI before: a token cookie of their own
  // What a browser sends for the attacker's page: the victim's cookies would stay home (SameSite=Lax), and the page
  // cannot know the victim's token; it sends the one it fetched for itself.
  const theirs = csrfOn(await new Browser(hosted.emulator).page('/login', hosted.app));
  const posted = await victim.open(`${hosted.emulator.url}/login${query()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL },
    body: new URLSearchParams({ username: 'ana', password: PASSWORD, _csrf: theirs }).toString(),
  });
  assertRefused(posted, 'cross-site login');
  // The victim has no session: authorize still asks them to sign in.
  const again = await victim.open(authorizeUrl(hosted.emulator, hosted.app, { state: 'later' }));
  assert.is(new URL(again.location!).pathname, '/login');
});

test('hosted UI forms: the right token is accepted, and is the browser\'s own (not reusable by another browser)', async () => {
  const a = new Browser(hosted.emulator);
  const b = new Browser(hosted.emulator);
  const pageA = await a.page('/login', hosted.app, { state: 'a' });
  const pageB = await b.page('/login', hosted.app, { state: 'b' });
  assert.is.not(csrfOn(pageA), csrfOn(pageB));
  // A's token in B's browser.
  assertRefused(await b.post(pageB.url, { username: 'ana', password: PASSWORD }, pageA), 'A\'s token with B\'s cookie');
  // Each browser's own form signs in.
  for (const [browser, page, state] of [[a, pageA, 'a'], [b, pageB, 'b']] as const) {
    const done = await browser.submit(page, 'password', { username: 'ana', password: PASSWORD });
    assert.is(done.status, 302, done.html);
    assert.is(new URL(done.location!).searchParams.get('state'), state);
  }
});

test('hosted UI forms: mangled cookies, repeated or oversized tokens and other bodies are refused with a page, never a 5xx', async () => {
  const page = await new Browser(hosted.emulator).page('/login', hosted.app);
  const token = csrfOn(page);
  const cases: [string, string, Record<string, string>][] = [
    ['cookie without a value', `username=ana&password=x&_csrf=${token}`, { cookie: 'cogniform-xsrf' }],
    ['cookie of separators', `username=ana&password=x&_csrf=${token}`, { cookie: ';;=;=cogniform-xsrf;' }],
    ['oversized token', `username=ana&password=x&_csrf=${'a'.repeat(20000)}`, { cookie: `cogniform-xsrf=${'a'.repeat(4000)}` }],
    ['a wrong token first, the right one second', `_csrf=wrong&_csrf=${token}&username=ana&password=x`, { cookie: `cogniform-xsrf=${token}` }],
    ['a token one character off', `username=ana&password=x&_csrf=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, { cookie: `cogniform-xsrf=${token}` }],
    ['a token as long as the cookie\'s in characters, not in bytes', `username=ana&password=x&_csrf=${encodeURIComponent('é'.repeat(43))}`, { cookie: `cogniform-xsrf=${token}` }],
    ['a JSON body', JSON.stringify({ username: 'ana', password: PASSWORD, _csrf: token }), { cookie: `cogniform-xsrf=${token}`, 'content-type': 'application/json' }],
  ];
  for (const [what, body, headers] of cases) {
    const answer = await hosted.emulator.app.inject({
      method: 'POST', url: `/login${query()}`, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: body,
    });
    assert.ok(answer.statusCode < 500, `${what}: ${answer.statusCode}`);
    assert.is(answer.statusCode, 403, what);
    assert.match(answer.body, /An error was encountered with the requested page\./, what);
    assert.is(answer.headers.location, undefined, what);
  }
});

test.run();
