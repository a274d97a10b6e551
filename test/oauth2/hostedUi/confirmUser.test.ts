import {
  AdminGetUserCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, CreateUserPoolDomainCommand, InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { arn, recorder, sentCodes } from '../../cognito/triggers/triggerFixtures.js';

// GET /confirmUser (src/oauth2/hostedUi/confirmUser.ts): the link of a CONFIRM_WITH_LINK sign-up email, followed as
// a mail reader would, over a real socket. It confirms as ConfirmSignUp does; a link it cannot use gets a 4xx page.

const rec = recorder();
let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({ code: '123456', functions: { post: rec.recording('post', (event) => event) } });
});
test.before.each(() => rec.clear());
test.after(async () => {
  await emulator.close();
});

let pools = 0;
async function linkPool({ secret = false } = {}) {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({
    PoolName: 'links', AutoVerifiedAttributes: ['email'], VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
    LambdaConfig: { PostConfirmation: arn('post') },
  }));
  const poolId = UserPool!.Id!;
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `confirm-user-${++pools}` }));
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'web', GenerateSecret: secret, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  return { poolId, clientId: UserPoolClient!.ClientId!, secret: UserPoolClient!.ClientSecret };
}

const hash = (secret: string, username: string, clientId: string) => createHmac('sha256', secret).update(username + clientId).digest('base64');

async function signUp(pool: { clientId: string; secret?: string | undefined }, username: string) {
  await emulator.client.send(new SignUpCommand({
    ClientId: pool.clientId, Username: username, Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    ...(pool.secret ? { SecretHash: hash(pool.secret, username, pool.clientId) } : {}),
  }));
}

/** The link in the newest email to `username`, as a mail reader would take it from the href. */
async function linkIn(poolId: string, username: string): Promise<string> {
  const [sent] = await sentCodes(emulator, poolId, username);
  return /href="([^"]+)"/.exec(sent.message)![1]!.replaceAll('&amp;', '&');
}

const follow = async (url: string) => {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
};

const userStatus = async (poolId: string, username: string) => {
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
  return [user.UserStatus, user.UserAttributes!.find((a) => a.Name === 'email_verified')?.Value];
};

test('GET /confirmUser: following the emailed link confirms the user (CONFIRMED, email verified) and runs PostConfirmation', async () => {
  const pool = await linkPool();
  await signUp(pool, 'ana');
  assert.equal(await userStatus(pool.poolId, 'ana'), ['UNCONFIRMED', undefined]);
  const link = await linkIn(pool.poolId, 'ana');
  assert.is(link, `http://localhost:${emulator.port}/confirmUser?client_id=${pool.clientId}&user_name=ana&confirmation_code=123456`);
  const page = await follow(link);
  assert.is(page.status, 200);
  assert.match(page.type!, /^text\/html/);
  assert.match(page.body, 'Your registration has been confirmed.');
  assert.equal(await userStatus(pool.poolId, 'ana'), ['CONFIRMED', 'true']);
  assert.equal(rec.events.post!.map((e) => [e.triggerSource, e.userName, e.callerContext.clientId]), [['PostConfirmation_ConfirmSignUp', 'ana', pool.clientId]]);
  const { AuthenticationResult } = await emulator.client.send(new InitiateAuthCommand({
    ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD: 'Passw0rd!' },
  }));
  assert.ok(AuthenticationResult?.IdToken, 'the confirmed user signs in');
});

test('GET /confirmUser: a link used twice is refused the second time (NotAuthorizedException, 403 page); the path with a trailing slash works too', async () => {
  const pool = await linkPool();
  await signUp(pool, 'bo');
  const link = (await linkIn(pool.poolId, 'bo')).replace('/confirmUser?', '/confirmUser/?');
  assert.is((await follow(link)).status, 200);
  const again = await follow(link);
  assert.is(again.status, 403);
  assert.match(again.body, 'User cannot be confirmed. Current status is CONFIRMED');
  assert.is(rec.events.post!.length, 1, 'PostConfirmation ran once');
});

test('GET /confirmUser: a wrong code is refused with a 400 page and the user stays UNCONFIRMED', async () => {
  const pool = await linkPool();
  await signUp(pool, 'cy');
  const page = await follow((await linkIn(pool.poolId, 'cy')).replace('confirmation_code=123456', 'confirmation_code=654321'));
  assert.is(page.status, 400);
  assert.match(page.body, 'Invalid verification code provided, please try again.');
  assert.equal(await userStatus(pool.poolId, 'cy'), ['UNCONFIRMED', undefined]);
  assert.is(rec.events.post, undefined);
});

test('GET /confirmUser: a client with a secret works (the page makes its SecretHash)', async () => {
  const pool = await linkPool({ secret: true });
  await signUp(pool, 'dee');
  assert.is((await follow(await linkIn(pool.poolId, 'dee'))).status, 200);
  assert.equal(await userStatus(pool.poolId, 'dee'), ['CONFIRMED', 'true']);
});

test('GET /confirmUser: missing parameters, an unknown client or user, and malformed values are 4xx pages, never a 500', async () => {
  const pool = await linkPool();
  await signUp(pool, 'eve');
  const base = `http://localhost:${emulator.port}/confirmUser`;
  const cases: Array<[string, RegExp]> = [
    ['', /client_id, user_name, confirmation_code missing/],
    [`?client_id=${pool.clientId}&user_name=eve`, /confirmation_code missing/],
    [`?client_id=&user_name=eve&confirmation_code=123456`, /client_id missing/],
    ['?client_id=nosuchclient&user_name=eve&confirmation_code=123456', /User pool client nosuchclient does not exist\./],
    [`?client_id=${pool.clientId}&user_name=nobody&confirmation_code=123456`, /Username\/client id combination not found\./],
    [`?client_id=${pool.clientId}&user_name=${'x'.repeat(300)}&confirmation_code=123456`, /validation error/],
    [`?client_id=${pool.clientId}&user_name=eve&confirmation_code=${'9'.repeat(5000)}`, /validation error/],
    [`?client_id=${pool.clientId}&client_id=other&user_name=eve&user_name=x&confirmation_code=1`, /./],
    [`?client_id=%ZZ&user_name=eve&confirmation_code=123456`, /./],
    [`?client_id=${'\u00e9'.repeat(200)}&user_name=eve&confirmation_code=123456`, /./],
  ];
  for (const [query, message] of cases) {
    const page = await follow(base + query);
    assert.ok(page.status >= 400 && page.status < 500, `${query || '(none)'}: ${page.status}`);
    assert.match(page.body, message, query);
  }
  assert.equal(await userStatus(pool.poolId, 'eve'), ['UNCONFIRMED', undefined]);
  assert.is(rec.events.post, undefined);
});

test.run();
