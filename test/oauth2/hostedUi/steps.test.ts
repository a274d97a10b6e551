import {
  AdminCreateUserCommand, AdminInitiateAuthCommand, AdminUpdateUserAttributesCommand, AssociateSoftwareTokenCommand,
  CreateUserPoolClientCommand, SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { confirmedUser, hostedApp, latestCode, PASSWORD, type HostedApp } from '../../e2e/hostedUi/app.js';
import { setPoolMfa, SMS, totpCode, wrongCode } from '../../cognito/operations/mfa/mfaFixtures.js';
import { CALLBACK } from './harness.js';
import { Browser, errorOn, labels, type Page } from './pages.js';

// The steps after the password: a new password for a user with a temporary one, and MFA codes.

let emulator: TestEmulator;

test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(() => emulator?.close());

function assertCallback(page: Page, state: string): void {
  assert.is(page.status, 302, page.html);
  const landed = new URL(page.location!);
  assert.is(`${landed.origin}${landed.pathname}`, CALLBACK);
  assert.is(landed.searchParams.get('state'), state);
  assert.ok(landed.searchParams.get('code'));
}

const hidden = (page: Page, name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(page.html)?.[1];

test('/newPassword: a user with a temporary password chooses one and gives the required attributes', async () => {
  const app = await hostedApp(emulator, CALLBACK);
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: app.poolId, Username: 'tim', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS',
  }));
  const browser = new Browser(emulator);
  const step = await browser.submit(await browser.page('/login', app, { state: 'np' }), 'password', { username: 'tim', password: 'Temp-Passw0rd!' });
  assert.is(step.status, 200, step.html);
  assert.match(step.html, /Change your password/);
  assert.equal(labels(step), { password: 'New password', 'attribute-email': 'Email' });
  assert.ok(hidden(step, 'session'));

  const weak = await browser.submit(step, 'session', { password: 'weak', 'attribute.email': 'tim@example.com' });
  assert.is(weak.status, 400);
  assert.match(errorOn(weak) ?? '', /^Password did not conform with policy/);
  const missing = await browser.submit(step, 'session', { password: 'Chosen-Passw0rd!' });
  assert.is(errorOn(missing), 'Invalid attributes given, email is missing');

  assertCallback(await browser.submit(step, 'session', { password: 'Chosen-Passw0rd!', 'attribute.email': 'tim@example.com' }), 'np');
  // The session was single use.
  const replay = await browser.submit(step, 'session', { password: 'Other-Passw0rd!', 'attribute.email': 'tim@example.com' });
  assert.is(errorOn(replay), 'Invalid session for the user.');
  // Another browser (this one has a session now, and would skip the form): its own page, its own form token.
  const other = new Browser(emulator);
  const login = await other.submit(await other.page('/login', app, { state: 'again' }), 'password', { username: 'tim', password: 'Chosen-Passw0rd!' });
  assertCallback(login, 'again');
});

test('/newPassword: a forged session is refused', async () => {
  const app = await hostedApp(emulator, CALLBACK);
  const browser = new Browser(emulator);
  const login = await browser.page('/login', app);
  const page = await browser.post(login.url.replace('/login', '/newPassword'), {
    session: 'forged-session-id-000000000000', username: 'tim', password: 'Chosen-Passw0rd!',
  }, login);
  assert.is(page.status, 400);
  assert.is(errorOn(page), 'Invalid session for the user.');
});

/** A user with a verified authenticator app turned on (preferred unless `alsoSms`, which turns SMS on beside it). */
async function totpUser(app: HostedApp, username: string, alsoSms = false): Promise<string> {
  await confirmedUser(emulator, app.poolId, username);
  await setPoolMfa(emulator, app.poolId, {
    MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true }, ...(alsoSms ? { SmsMfaConfiguration: { SmsConfiguration: SMS } } : {}),
  });
  if (alsoSms) {
    await emulator.client.send(new AdminUpdateUserAttributesCommand({
      UserPoolId: app.poolId, Username: username, UserAttributes: [{ Name: 'phone_number', Value: '+15555550101' }],
    }));
  }
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: app.poolId, ClientName: 'admin', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const { AuthenticationResult } = await emulator.client.send(new AdminInitiateAuthCommand({
    UserPoolId: app.poolId, ClientId: UserPoolClient!.ClientId!, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD },
  }));
  const AccessToken = AuthenticationResult!.AccessToken!;
  const { SecretCode } = await emulator.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  await emulator.client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCode(SecretCode!) }));
  await emulator.client.send(new SetUserMFAPreferenceCommand({
    AccessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: !alsoSms },
    ...(alsoSms ? { SMSMfaSettings: { Enabled: true } } : {}),
  }));
  return SecretCode!;
}

test('/mfa: a TOTP code from the authenticator app, a wrong one shown as AWS words it', async () => {
  const app = await hostedApp(emulator, CALLBACK);
  const secret = await totpUser(app, 'tess');
  const browser = new Browser(emulator);
  const step = await browser.submit(await browser.page('/login', app, { state: 'totp' }), 'password', { username: 'tess', password: PASSWORD });
  assert.is(step.status, 200, step.html);
  assert.match(step.html, /authenticator/);
  assert.is(hidden(step, 'challenge'), 'SOFTWARE_TOKEN_MFA');
  const wrong = await browser.submit(step, 'code', { code: wrongCode(secret) });
  assert.is(wrong.status, 400);
  assert.is(errorOn(wrong), 'Invalid code received for user');
  // The session stays open for another try; VerifySoftwareToken spent the current code, so the next one.
  assertCallback(await browser.submit(wrong, 'code', { code: totpCode(secret, 1) }), 'totp');
});

test('/mfa: an SMS code when the pool requires MFA', async () => {
  const app = await hostedApp(emulator, CALLBACK);
  await confirmedUser(emulator, app.poolId, 'sam');
  await emulator.client.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: app.poolId, Username: 'sam', UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }],
  }));
  await setPoolMfa(emulator, app.poolId, { MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsConfiguration: SMS } });
  const browser = new Browser(emulator);
  const step = await browser.submit(await browser.page('/login', app, { state: 'sms' }), 'password', { username: 'sam', password: PASSWORD });
  assert.is(step.status, 200, step.html);
  assert.is(hidden(step, 'challenge'), 'SMS_MFA');
  assert.match(step.html, /by SMS to \+\*+0100/);
  const code = await latestCode(emulator, app.poolId, 'sam');
  const wrong = await browser.submit(step, 'code', { code: code === '000000' ? '111111' : '000000' });
  assert.is(errorOn(wrong), 'Invalid code or auth state for the user.');
  assert.match(wrong.html, /by SMS to \+\*+0100/, 'the retry page still says where the code went');
  assertCallback(await browser.submit(wrong, 'code', { code }), 'sms');
});

test('/selectMfa: a user with two factors and no preference chooses one, then answers it', async () => {
  const app = await hostedApp(emulator, CALLBACK);
  const secret = await totpUser(app, 'cyd', true);
  const browser = new Browser(emulator);
  const choose = await browser.submit(await browser.page('/login', app, { state: 'sel' }), 'password', { username: 'cyd', password: PASSWORD });
  assert.is(choose.status, 200, choose.html);
  const offered = [...choose.html.matchAll(/name="factor" value="([^"]+)"/g)].map(([, factor]) => factor);
  assert.equal(offered, ['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
  const forged = await browser.submit(choose, 'session', { factor: 'EMAIL_OTP' });
  assert.is(forged.status, 400);
  assert.match(errorOn(forged) ?? '', /EMAIL_OTP is not an MFA type the user can choose/);
  const code = await browser.submit(choose, 'session', { factor: 'SOFTWARE_TOKEN_MFA' });
  assert.is(hidden(code, 'challenge'), 'SOFTWARE_TOKEN_MFA', code.html);
  assertCallback(await browser.submit(code, 'code', { code: totpCode(secret, 1) }), 'sel');
});

test.run();
