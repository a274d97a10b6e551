import {
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { movableClock } from '../../tokens/fixture.js';
import { passwordSignIn } from '../signIn/signInFixtures.js';
import { attr } from '../users/userFixtures.js';
import { sentCodes, signedIn, type SignedIn } from './profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const EMAIL = [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'email_verified', Value: 'false' }];

async function requestCode(on: TestEmulator, who: SignedIn, AccessToken = who.tokens.AccessToken): Promise<string> {
  await on.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
  return (await sentCodes(on, who.poolId, who.username))[0]!.code;
}

const verify = (on: TestEmulator, AccessToken: string | undefined, Code: string) =>
  on.client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code }));

test('VerifyUserAttribute: the code sent makes the attribute verified, and works once', async () => {
  const who = await signedIn(emulator, { attributes: EMAIL });
  const code = await requestCode(emulator, who);
  await verify(emulator, who.tokens.AccessToken, code);
  const { UserAttributes } = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(attr(UserAttributes, 'email_verified'), 'true');
  await assertRejects(verify(emulator, who.tokens.AccessToken, code), 'CodeMismatchException');
});

test('VerifyUserAttribute: a verified email becomes a sign-in alias in pools with AliasAttributes', async () => {
  const who = await signedIn(emulator, { pool: { AliasAttributes: ['email'] }, attributes: EMAIL });
  await assertRejects(passwordSignIn(emulator, who.clientId, 'alice@example.com'), 'UserNotFoundException');
  await verify(emulator, who.tokens.AccessToken, await requestCode(emulator, who));
  const { AuthenticationResult } = await passwordSignIn(emulator, who.clientId, 'alice@example.com');
  assert.ok(AuthenticationResult?.AccessToken);
});

test('VerifyUserAttribute: a wrong code is CodeMismatchException, and too many end in LimitExceededException', async () => {
  const who = await signedIn(emulator, { attributes: EMAIL });
  const code = await requestCode(emulator, who);
  const wrong = code === '000000' ? '111111' : '000000';
  for (let i = 0; i < 5; i++) {
    await assertRejects(verify(emulator, who.tokens.AccessToken, wrong), 'CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
  await assertRejects(verify(emulator, who.tokens.AccessToken, code), 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
  const { UserAttributes } = await emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken }));
  assert.is(attr(UserAttributes, 'email_verified'), 'false');
});

test('VerifyUserAttribute: without a code sent, any code is wrong', async () => {
  const who = await signedIn(emulator, { attributes: EMAIL });
  await assertRejects(verify(emulator, who.tokens.AccessToken, '123456'), 'CodeMismatchException');
});

test('VerifyUserAttribute: a code older than 24 hours has expired', async () => {
  const clock = movableClock(Date.now());
  const local = await startTestEmulator({ clock });
  try {
    const who = await signedIn(local, { attributes: EMAIL });
    const code = await requestCode(local, who);
    clock.advance(25 * 3_600_000);
    const { AuthenticationResult } = await passwordSignIn(local, who.clientId, who.username);
    await assertRejects(verify(local, AuthenticationResult!.AccessToken, code), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
  } finally {
    await local.close();
  }
});

test('VerifyUserAttribute: bad input', async () => {
  const who = await signedIn(emulator, { attributes: EMAIL });
  assertAwsError(
    await emulator.call('VerifyUserAttribute', { AccessToken: who.tokens.AccessToken, AttributeName: 'email' }),
    'InvalidParameterException',
    400,
    /code.*must not be null/,
  );
  assertAwsError(
    await emulator.call('VerifyUserAttribute', { AccessToken: who.tokens.AccessToken, AttributeName: 'email', Code: '12 34' }),
    'InvalidParameterException',
    400,
    /Value '12 34' at 'code' failed to satisfy constraint: Member must satisfy regular expression pattern/,
  );
});

test.run();
