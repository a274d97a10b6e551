import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsCli, type CliResult } from '../helpers/awsCli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The sign-up flow of the LocalStack Cognito manual, end to end through the Debian AWS CLI: create a pool that
// verifies email and a client, sign up, read the code back from the emulator, confirm, list the user.

let emulator: TestEmulator;
let aws: ReturnType<typeof awsCli>;
let poolId: string;
let clientId: string;

test.before(async () => {
  emulator = await startTestEmulator();
  aws = awsCli(emulator.url);
});
test.after(async () => {
  await emulator.close();
});

function ok(result: CliResult): any {
  assert.is(result.code, 0, result.stderr);
  return result.json;
}

test('AWS CLI: create-user-pool with --auto-verified-attributes email, and create-user-pool-client', async () => {
  poolId = ok(await aws('create-user-pool', '--pool-name', 'signup', '--auto-verified-attributes', 'email')).UserPool.Id;
  clientId = ok(await aws('create-user-pool-client', '--user-pool-id', poolId, '--client-name', 'web')).UserPoolClient.ClientId;
});

test('AWS CLI: sign-up, the code from /_cogniform/codes, confirm-sign-up, list-users', async () => {
  const signedUp = ok(await aws('sign-up', '--client-id', clientId, '--username', 'example_user',
    '--password', 'Example-Passw0rd!', '--user-attributes', 'Name=email,Value=user@example.com'));
  assert.is(signedUp.UserConfirmed, false);
  assert.equal(signedUp.CodeDeliveryDetails, { Destination: 'u***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });

  const response = await fetch(`${emulator.url}/_cogniform/codes?userPoolId=${poolId}&username=example_user`);
  const [sent] = (await response.json()).codes;
  assert.is(sent.kind, 'SIGN_UP');
  ok(await aws('confirm-sign-up', '--client-id', clientId, '--username', 'example_user', '--confirmation-code', sent.code));

  const { Users } = ok(await aws('list-users', '--user-pool-id', poolId));
  assert.is(Users.length, 1);
  const [user] = Users;
  assert.is(user.Username, 'example_user');
  assert.is(user.UserStatus, 'CONFIRMED');
  const attributes = Object.fromEntries(user.Attributes.map((a: { Name: string; Value: string }) => [a.Name, a.Value]));
  assert.is(attributes.sub, signedUp.UserSub);
  assert.is(attributes.email, 'user@example.com');
  assert.is(attributes.email_verified, 'true');
});

test('AWS CLI: a wrong confirmation code reaches the CLI as CodeMismatchException', async () => {
  ok(await aws('sign-up', '--client-id', clientId, '--username', 'second_user', '--password', 'Example-Passw0rd!',
    '--user-attributes', 'Name=email,Value=second@example.com'));
  const response = await fetch(`${emulator.url}/_cogniform/codes?userPoolId=${poolId}&username=second_user`);
  const [sent] = (await response.json()).codes;
  const wrong = sent.code === '000000' ? '111111' : '000000';
  const refused = await aws('confirm-sign-up', '--client-id', clientId, '--username', 'second_user', '--confirmation-code', wrong);
  assert.is(refused.code, 254);
  assert.match(refused.stderr, /CodeMismatchException/);
});

test.run();
