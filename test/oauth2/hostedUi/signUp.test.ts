import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { latestCode, PASSWORD, tokenRequest } from '../../e2e/hostedUi/app.js';
import { CALLBACK, withHostedApp } from './harness.js';
import { Browser, errorOn, labels } from './pages.js';

const hosted = withHostedApp(test);

test('/signup: renders the username, the required attributes and the password', async () => {
  const page = await new Browser(hosted.emulator).page('/signup', hosted.app);
  assert.is(page.status, 200);
  assert.equal(labels(page), { username: 'Username', 'attribute-email': 'Email', password: 'Password' });
  assert.match(page.html, /name="attribute\.email"[^>]*type="email"/);
  assert.is((page.html.match(/<h1[\s>]/g) ?? []).length, 1);
});

test('/signup: sign-up, the code from the inbox on /confirm, sign-in, the callback with code and state', async () => {
  const browser = new Browser(hosted.emulator);
  const signUp = await browser.page('/signup', hosted.app, { state: 'flow' });
  const sent = await browser.submit(signUp, 'password', { username: 'jo', 'attribute.email': 'jo@example.com', password: PASSWORD });
  assert.is(sent.status, 302, sent.html);
  const confirm = await browser.follow(sent);
  assert.is(new URL(confirm.url).pathname, '/confirm');
  assert.match(confirm.html, /name="username"[^>]*value="jo"/);

  const sentCode = await latestCode(hosted.emulator, hosted.app.poolId, 'jo');
  const wrong = await browser.submit(confirm, 'code', { code: sentCode === '000000' ? '111111' : '000000' });
  assert.is(wrong.status, 400);
  assert.is(errorOn(wrong), 'Invalid verification code provided, please try again.');

  const confirmed = await browser.submit(confirm, 'code', { code: sentCode });
  assert.is(confirmed.status, 302, confirmed.html);
  const login = await browser.follow(confirmed);
  assert.is(new URL(login.url).pathname, '/login');
  assert.match(login.html, /Your account is confirmed/);
  assert.match(login.html, /name="username"[^>]*value="jo"/);

  const done = await browser.submit(login, 'password', { username: 'jo', password: PASSWORD });
  assert.is(done.status, 302, done.html);
  const landed = new URL(done.location!);
  assert.is(landed.searchParams.get('state'), 'flow');
  const { status } = await tokenRequest(hosted.emulator, { grant_type: 'authorization_code', client_id: hosted.app.clientId, code: landed.searchParams.get('code')!, redirect_uri: CALLBACK });
  assert.is(status, 200);
});

test('/signup: a password the policy refuses and a taken username show AWS messages', async () => {
  const browser = new Browser(hosted.emulator);
  const weak = await browser.submit(await browser.page('/signup', hosted.app), 'password', { username: 'weak', 'attribute.email': 'w@example.com', password: 'short' });
  assert.is(weak.status, 400);
  assert.match(errorOn(weak) ?? '', /^Password did not conform with policy/);
  assert.match(weak.html, /name="attribute\.email"[^>]*value="w@example.com"/, 'the form keeps what was typed');
  const taken = await browser.submit(await browser.page('/signup', hosted.app), 'password', { username: 'jo', 'attribute.email': 'j2@example.com', password: PASSWORD });
  assert.is(errorOn(taken), 'User already exists');
});

test('/confirm: a new code can be asked for', async () => {
  const browser = new Browser(hosted.emulator);
  await browser.submit(await browser.page('/signup', hosted.app), 'password', { username: 'rae', 'attribute.email': 'rae@example.com', password: PASSWORD });
  const confirm = await browser.page('/confirm', hosted.app, { username: 'rae' });
  const resent = await browser.post(
    /<form method="post" action="([^"]+)" class="links">/.exec(confirm.html)![1]!.replace(/&amp;/g, '&').replace(/^/, hosted.emulator.url),
    { username: 'rae' },
    confirm,
  );
  assert.is(resent.status, 200);
  assert.match(resent.html, /We have sent a new code to r\*\*\*@e\*\*\*/);
  const codes = (await (await fetch(`${hosted.emulator.url}/_cogniform/codes?userPoolId=${hosted.app.poolId}&username=rae`)).json()) as { codes: unknown[] };
  assert.is(codes.codes.length, 2);
});

test('/forgotPassword: the code sent, a new password set on /confirmForgotPassword, then sign-in with it', async () => {
  const browser = new Browser(hosted.emulator);
  await browser.submit(await browser.page('/signup', hosted.app), 'password', { username: 'fay', 'attribute.email': 'fay@example.com', password: PASSWORD });
  await browser.submit(await browser.page('/confirm', hosted.app, { username: 'fay' }), 'code', { code: await latestCode(hosted.emulator, hosted.app.poolId, 'fay') });

  const forgot = await browser.page('/forgotPassword', hosted.app, { state: 'reset' });
  assert.equal(labels(forgot), { username: 'Username' });
  const reset = await browser.submit(forgot, 'username', { username: 'fay' });
  assert.is(reset.status, 200, reset.html);
  assert.match(reset.html, /f\*\*\*@e\*\*\*/);
  const bad = await browser.submit(reset, 'code', { code: '12', password: 'New-Passw0rd!' });
  assert.is(bad.status, 400);
  assert.ok(errorOn(bad));
  const done = await browser.submit(reset, 'code', { code: await latestCode(hosted.emulator, hosted.app.poolId, 'fay'), password: 'New-Passw0rd!' });
  assert.is(done.status, 302, done.html);
  const login = await browser.follow(done);
  assert.match(login.html, /Your password has been reset/);
  const old = await browser.submit(login, 'password', { username: 'fay', password: PASSWORD });
  assert.is(errorOn(old), 'Incorrect username or password.');
  const signedIn = await browser.submit(login, 'password', { username: 'fay', password: 'New-Passw0rd!' });
  assert.is(signedIn.status, 302);
  assert.is(new URL(signedIn.location!).searchParams.get('state'), 'reset');
});

test('/forgotPassword: an unknown user shows AWS message', async () => {
  const browser = new Browser(hosted.emulator);
  const page = await browser.submit(await browser.page('/forgotPassword', hosted.app), 'username', { username: 'ghost' });
  assert.is(page.status, 400);
  assert.is(errorOn(page), 'Username/client id combination not found.');
});

test.run();
