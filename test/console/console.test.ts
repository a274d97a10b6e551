import {
  AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminDeleteUserCommand, AdminGetUserCommand, AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand, CognitoIdentityProviderClient, CreateUserPoolCommand, InitiateAuthCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listStacks, type StackRecord } from '../../src/iac/stacks/stackRecord.js';
import { launchBrowser } from '../helpers/browser.js';
import { createPool, putUser } from '../helpers/fixtures.js';
import { awsClient, rejection, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The operator's console (/_cogniform/ui) in a real headless Chromium, one page for the whole file, against an
// emulator that reconciled test/console/fixtures/serverless.yml (a pool with a client, a domain and a group, and
// an HTTP API). What the console shows is checked against what the APIs say, and what it does through the APIs.

const FIXTURE = 'test/console/fixtures/serverless.yml';
const BROKEN = 'test/console/fixtures/broken.yml';
const PASSWORD = 'Console-Passw0rd!';
const MARKUP = '<img src=x onerror="window.__xss = 1">';

let emulator: TestEmulator;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let stack: StackRecord;
let poolId: string;
let clientId: string;
/** Script errors and console errors (a CSP or Trusted Types violation is one): any is a failure. */
const problems: string[] = [];

test.before(async () => {
  emulator = await startTestEmulator();
  const deployed = await emulator.templates.deploy(FIXTURE, { stage: 'local' });
  assert.equal(deployed.errors, []);
  const broken = await emulator.templates.deploy(BROKEN, {});
  assert.is(broken.errors.length, 1, 'the broken template fails at apply');
  stack = (await listStacks(emulator.store)).find((s) => s.Name === 'console-local')!;
  poolId = stack.Resources.UserPool!.PhysicalId!;
  clientId = stack.Resources.UserPoolClient!.PhysicalId!;
  await user('ada', [{ Name: 'email', Value: 'ada@example.com' }, { Name: 'name', Value: 'Ada Lovelace' }]);
  await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'ada', GroupName: 'admins' }));
  await user('bob', [{ Name: 'email', Value: 'bob@example.org' }, { Name: 'email_verified', Value: 'true' }]);
  browser = await launchBrowser();
  context = await browser.newContext();
  // Failures show in seconds rather than after playwright's 30 s default; 10 s leaves room on a busy machine.
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // An error answer is a failed request to Chromium: expected of the API at `/` and of a missing pool's keys (the
    // console says what they mean), a defect anywhere else (a module or the stylesheet missing).
    const { url } = message.location();
    const apiError = message.text().startsWith('Failed to load resource') && (url === `${emulator.url}/` || url.includes('/.well-known/'));
    if (message.type() === 'error' && !apiError) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
});
test.after(async () => {
  await browser?.close();
  await emulator?.close();
});
test.after.each(() => {
  assert.equal(problems.splice(0), [], 'no script errors and no policy violations');
});

async function user(username: string, attributes: { Name: string; Value: string }[]): Promise<void> {
  await emulator.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: attributes }));
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }));
}

/** Opens a view by its address and waits for its heading. */
async function open(hash: string, heading: string | RegExp): Promise<void> {
  const target = `${emulator.url}/_cogniform/ui#${hash}`;
  // The same address again is no hashchange: only a reload shows it afresh.
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const main = () => page.locator('main');
const text = async () => (await main().textContent()) ?? '';
const row = (name: string | RegExp) => main().getByRole('row').filter({ hasText: name });
const adminGetUser = (username: string) => emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));

test('console pools: the template\'s pool is listed; its page shows its client, domain and group', async () => {
  await open('/pools', 'User pools');
  await main().getByRole('link', { name: 'console-users' }).click();
  await page.getByRole('heading', { level: 1, name: 'console-users' }).waitFor();
  assert.is(new URL(page.url()).hash, `#/pools/${poolId}`, 'the address names the pool, so the link can be shared');
  assert.match(await row('console-web').textContent() ?? '', clientId);
  assert.match(await row('console-test-app').textContent() ?? '', /ACTIVE/);
  assert.match(await row('admins').textContent() ?? '', /People who run the shop/);
  assert.match(await text(), /Users2 list and search/);
});

test('console pools: an unknown pool shows the API\'s ResourceNotFoundException; an unknown view says so', async () => {
  await open('/pools/us-east-1_NoSuchPool', 'Error');
  assert.match(await page.getByRole('alert').textContent() ?? '', /^ResourceNotFoundException: User pool us-east-1_NoSuchPool does not exist\.$/);
  await open('/nowhere', 'Not found');
});

test('console users: a user shows status, enabled, attributes and groups', async () => {
  await open(`/users/${poolId}/ada`, 'ada');
  assert.is(await main().locator('.status').textContent(), 'CONFIRMED');
  assert.match(await text(), /Enabledyes/);
  assert.match(await row(/^email/).textContent() ?? '', /ada@example\.com/);
  assert.match(await row(/^name/).textContent() ?? '', /Ada Lovelace/);
  assert.match(await row(/^sub/).textContent() ?? '', /[0-9a-f-]{36}/);
  assert.ok(await row(/^admins/).isVisible(), 'the group is listed');
});

test('console users: search runs ListUsers with a Filter; the address keeps the search; a quoted value is escaped', async () => {
  await open(`/users/${poolId}`, 'Users of console-users');
  assert.ok(await row(/^ada/).isVisible());
  await main().getByLabel('Attribute').selectOption('email');
  await main().getByLabel('Search').fill('bob@');
  await main().getByRole('button', { name: 'Search' }).click();
  await page.waitForURL((url) => url.hash.includes('value=bob%40'));
  await row(/^ada/).waitFor({ state: 'detached' });
  assert.ok(await row(/^bob/).isVisible(), 'only the users the filter matches');
  // A value with a quotation mark and a backslash: escaped as ListUsers asks, it is a search that finds nobody.
  await main().getByLabel('Match').selectOption('=');
  await main().getByLabel('Search').fill('a"b\\');
  await main().getByRole('button', { name: 'Search' }).click();
  await main().getByText('No user matches.').waitFor();
  assert.is(await page.getByRole('alert').count(), 0);
  // A search the API refuses (a Filter past its 256 characters) says why, under the form that is still there.
  await main().getByLabel('Search').fill('x'.repeat(300));
  await main().getByRole('button', { name: 'Search' }).click();
  assert.match(await main().getByRole('alert').textContent() ?? '', /^InvalidParameterException: .*filter/);
  assert.ok(await main().getByLabel('Search').isVisible());
});

test('console users: a pool of more than 60 users lists a page of 60, and More fetches the rest', async () => {
  const crowded = await createPool(emulator, { PoolName: 'crowded' });
  for (let i = 0; i < 61; i++) await putUser(emulator, crowded, `user${String(i).padStart(2, '0')}`);
  await open(`/users/${crowded}`, 'Users of crowded');
  const rows = main().locator('tbody tr');
  assert.is(await rows.count(), 60);
  await main().getByRole('button', { name: 'More' }).click();
  await row(/^user60/).waitFor();
  assert.is(await rows.count(), 61);
  assert.ok(await main().getByRole('button', { name: 'More' }).isHidden(), 'no more pages');
});

test('console users: Disable asks first; Cancel changes nothing, confirming makes AdminGetUser say Enabled false', async () => {
  await open(`/users/${poolId}/bob`, 'bob');
  await main().getByRole('button', { name: 'Disable' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  assert.is((await adminGetUser('bob')).Enabled, true, 'cancelled: still enabled');
  await main().getByRole('button', { name: 'Disable' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
  await main().getByRole('button', { name: 'Enable' }).waitFor();
  assert.is((await adminGetUser('bob')).Enabled, false);
  assert.match(await text(), /Enabledno/);
  await main().getByRole('button', { name: 'Enable' }).click();
  await main().getByRole('button', { name: 'Disable' }).waitFor();
  assert.is((await adminGetUser('bob')).Enabled, true);
});

test('console users: Reset password makes the status RESET_REQUIRED; Delete removes the user and goes back to the list', async () => {
  await open(`/users/${poolId}/bob`, 'bob');
  await main().getByRole('button', { name: 'Reset password' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
  await main().locator('.status', { hasText: 'RESET_REQUIRED' }).waitFor();
  assert.is((await adminGetUser('bob')).UserStatus, 'RESET_REQUIRED');
  await main().getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users of console-users' }).waitFor();
  assert.is((await rejection(adminGetUser('bob'))).name, 'UserNotFoundException');
  assert.is(await row(/^bob/).count(), 0);
});

test('console users: an action on a user deleted meanwhile shows the API\'s error; so does the page of a missing user', async () => {
  await user('dan', [{ Name: 'email', Value: 'dan@example.com' }]);
  await open(`/users/${poolId}/dan`, 'dan');
  await emulator.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'dan' }));
  await main().getByRole('button', { name: 'Disable' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
  assert.is(await main().getByRole('alert').textContent(), 'UserNotFoundException: User does not exist.');
  await open(`/users/${poolId}/dan`, 'Error');
  assert.is(await main().getByRole('alert').textContent(), 'UserNotFoundException: User does not exist.');
});

test('console pools: the region field lists another region\'s pools (ListUserPools answers the caller\'s region)', async () => {
  const elsewhere = awsClient(CognitoIdentityProviderClient, emulator, { region: 'eu-west-1' });
  const { UserPool } = await elsewhere.send(new CreateUserPoolCommand({ PoolName: 'irish-users' }));
  elsewhere.destroy();
  await open('/pools', 'User pools');
  assert.is(await main().getByRole('link', { name: 'irish-users' }).count(), 0);
  await main().getByLabel('Region').fill('eu-west-1');
  await main().getByRole('button', { name: 'Show' }).click();
  await main().getByRole('link', { name: 'irish-users' }).waitFor();
  assert.is(new URL(page.url()).hash, '#/pools?region=eu-west-1');
  assert.is(await main().getByRole('link', { name: 'console-users' }).count(), 0);
  assert.match(await row('irish-users').textContent() ?? '', UserPool!.Id!);
  await open('/pools?region=ap-south-2', 'User pools');
  await main().getByText('No user pools in this region.').waitFor();
  await open('/pools?region=eu%0Awest', 'Error');
  assert.is(await main().getByRole('alert').textContent(), '“eu\nwest” is not a region name (such as eu-west-1).');
});

test('console inbox: a SignUp made while the page is open shows its code within seconds, without a reload', async () => {
  await open('/inbox', 'Inbox');
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await emulator.client.send(new SignUpCommand({ ClientId: clientId, Username: 'carol', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] }));
  const { codes } = (await (await fetch(`${emulator.url}/_cogniform/codes?username=carol`)).json()) as { codes: { code: string }[] };
  const started = Date.now();
  await row(/SIGN_UP/).filter({ hasText: codes[0]!.code }).waitFor();
  assert.ok(Date.now() - started < 5_000);
  assert.is(await main().locator('code.fresh').textContent(), codes[0]!.code, 'the new code stands out');
  assert.match(await main().locator('tbody tr').first().textContent() ?? '', /SIGN_UP.*carol.*carol@example\.com/, 'newest first');
  assert.ok(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the same page, not a reload');
  assert.ok(await row(/bob/).count() > 0, 'bob\'s reset code is in the whole inbox');

  await open(`/users/${poolId}/carol`, 'carol');
  await main().getByRole('link', { name: 'what cogniform sent them' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await row(/SIGN_UP/).waitFor();
  assert.is(await row(/bob/).count(), 0, 'only carol\'s codes');

  // Leaving the inbox stops its polling.
  await page.getByRole('navigation').getByRole('link', { name: 'Tokens' }).click();
  await page.getByRole('heading', { level: 1, name: 'Token decoder' }).waitFor();
  const polls: string[] = [];
  const count = (request: { url(): string }) => request.url().includes('/_cogniform/codes') && polls.push(request.url());
  page.on('request', count);
  await page.waitForTimeout(1_500);
  page.off('request', count);
  assert.equal(polls, []);
});

test('console tokens: a signed-in user\'s ID token shows its claims, times as dates, and "valid"', async () => {
  const { AuthenticationResult: tokens } = await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ada', PASSWORD },
  }));
  await open('/tokens', 'Token decoder');
  const input = page.getByLabel('Paste an ID or access token');
  await input.fill(tokens!.IdToken!);
  await main().locator('.verdict[data-state="valid"]').waitFor();
  assert.is(await main().locator('.verdict').textContent(), `valid: signed by ${poolId}`);
  assert.match(await row(/^email/).textContent() ?? '', /ada@example\.com/);
  assert.match(await row(/^cognito:groups/).textContent() ?? '', /admins/);
  const exp = JSON.parse(Buffer.from(tokens!.IdToken!.split('.')[1]!, 'base64url').toString()).exp as number;
  assert.is(await row(/^exp/).locator('time').getAttribute('datetime'), new Date(exp * 1000).toISOString());

  await input.fill(tokens!.AccessToken!);
  await main().locator('.verdict[data-state="valid"]').waitFor();
  assert.match(await row(/^token_use/).textContent() ?? '', /access/);
});

test('console tokens: a changed payload is an invalid signature; text that is no JWT says so', async () => {
  const { AuthenticationResult: tokens } = await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ada', PASSWORD },
  }));
  const [header, payload, signature] = tokens!.IdToken!.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['root'] })).toString('base64url');
  await open('/tokens', 'Token decoder');
  const input = page.getByLabel('Paste an ID or access token');
  await input.fill(`${header}.${forged}.${signature}`);
  await main().locator('.verdict[data-state="invalid"]').waitFor();
  assert.is(await main().locator('.verdict').textContent(), 'invalid signature');
  const elsewhere = Buffer.from(JSON.stringify({ ...claims, iss: 'http://localhost:1/us-east-1_Elsewhere' })).toString('base64url');
  await input.fill(`${header}.${elsewhere}.${signature}`);
  await main().locator('.verdict[data-state="unknown"]').waitFor();
  assert.is(await main().locator('.verdict').textContent(), 'cannot verify: this emulator has no pool us-east-1_Elsewhere');
  await input.fill('not a token');
  assert.match(await page.getByRole('alert').textContent() ?? '', /^This is not a JWT/);
  await input.fill(`${Buffer.from('[]').toString('base64url')}.${payload}.${signature}`);
  assert.match(await page.getByRole('alert').textContent() ?? '', /its header is not a JSON object/);
});

test('console tokens: a good signature on a token past its exp says "expired"', async () => {
  const { AuthenticationResult: tokens } = await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ada', PASSWORD },
  }));
  // Two hours on in a page of its own (Cognito's ID tokens last one hour by default); the other page keeps real time.
  const later = await context.newPage();
  try {
    await later.clock.setFixedTime(Date.now() + 2 * 3600_000);
    await later.goto(`${emulator.url}/_cogniform/ui#/tokens`);
    await later.getByLabel('Paste an ID or access token').fill(tokens!.IdToken!);
    await later.locator('.verdict[data-state="expired"]').waitFor();
    assert.match(await later.getByRole('row').filter({ hasText: /^exp/ }).textContent() ?? '', /\d+ min ago/);
  } finally {
    await later.close();
  }
});

test('console users: markup in an attribute and in a username renders as text and never runs; the link still finds the user', async () => {
  await emulator.client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'ada', UserAttributes: [{ Name: 'name', Value: MARKUP }] }));
  await open(`/users/${poolId}/ada`, 'ada');
  assert.is(await row(/^name/).locator('td').nth(1).textContent(), MARKUP);
  assert.is(await page.locator('img').count(), 0, 'no element was made from the value');
  const odd = '<i>eve</i>/?#%';
  await user(odd, [{ Name: 'email', Value: 'eve@example.com' }]);
  await open(`/users/${poolId}`, 'Users of console-users');
  await main().getByRole('link', { name: odd }).click();
  await page.getByRole('heading', { level: 1, name: odd }).waitFor();
  assert.match(await row(/^email/).textContent() ?? '', /eve@example\.com/);
  assert.is(await page.locator('main i').count(), 0);
  await page.waitForTimeout(100);
  assert.is(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
});

test('console stacks: the reconciled stack with its last reconcile and resources; a failed one shows file:line and reason', async () => {
  await open('/stacks', 'Stacks');
  const good = main().getByRole('article', { name: 'console-local' });
  assert.match(await good.locator('h2').textContent() ?? '', /CREATE_COMPLETE/);
  assert.match(await good.textContent() ?? '', /\+\d+ created/);
  assert.ok(await good.getByRole('row').filter({ hasText: 'AWS::Cognito::UserPoolDomain' }).isVisible());
  assert.ok(await good.getByRole('link', { name: poolId }).isVisible(), 'the pool links to its page');
  assert.match(await good.getByRole('list', { name: 'Changed resources' }).textContent() ?? '', /\+ UserPool AWS::Cognito::UserPool/);
  const bad = main().getByRole('article', { name: 'broken' });
  assert.match(await bad.locator('h2').textContent() ?? '', /CREATE_FAILED/);
  const [error] = (await emulator.app.inject({ method: 'GET', url: '/_cogniform/stacks' })).json().stacks
    .filter((s: { name: string }) => s.name === 'broken').map((s: { lastReconcile: { error: string } }) => s.lastReconcile.error);
  assert.match(error, /broken\.yml:\d+:\d+ /);
  assert.is(await bad.locator('.place').textContent(), /^(.+?:\d+:\d+) /.exec(error)![1]);
  assert.match(await bad.getByRole('alert').textContent() ?? '', /Orphans/);
});

test('console routes: the template\'s routes with their local URLs, methods and authorizers', async () => {
  const { routes } = (await (await fetch(`${emulator.url}/_cogniform/routes`)).json()) as { routes: { url: string; path: string }[] };
  assert.is(routes.length, 2);
  await open('/routes', 'API routes');
  const hello = row(/\/hello/);
  assert.is(await hello.getByRole('link').getAttribute('href'), routes.find((r) => r.path === '/hello')!.url);
  assert.match(await hello.textContent() ?? '', /GET.*none.*console-local-hello/);
  assert.match(await row(/\/me/).textContent() ?? '', /JWT cognito/);
});

test.run();
