import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsCli, type CliResult } from '../helpers/awsCli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The commands of the AwsMock and LocalStack Cognito manuals, end to end through the Debian AWS CLI.

let emulator: TestEmulator;
let aws: ReturnType<typeof awsCli>;
let poolId: string;

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

test('AWS CLI: create-user-pool and list-user-pools', async () => {
  const created = ok(await aws('create-user-pool', '--pool-name', 'test'));
  poolId = created.UserPool.Id;
  assert.match(poolId, /^us-east-1_[A-Za-z0-9]{9}$/);
  const listed = ok(await aws('list-user-pools', '--max-results', '10'));
  assert.equal(listed.UserPools.map((p: { Id: string }) => p.Id), [poolId]);
});

test('AWS CLI: create-user-pool-client with and without --generate-secret, delete-user-pool-client', async () => {
  const plain = ok(await aws('create-user-pool-client', '--user-pool-id', poolId, '--client-name', 'web'));
  assert.match(plain.UserPoolClient.ClientId, /^[a-z0-9]{26}$/);
  assert.is(plain.UserPoolClient.ClientSecret, undefined);
  const secret = ok(await aws('create-user-pool-client', '--user-pool-id', poolId, '--client-name', 'server', '--generate-secret'));
  assert.type(secret.UserPoolClient.ClientSecret, 'string');
  ok(await aws('delete-user-pool-client', '--user-pool-id', poolId, '--client-id', plain.UserPoolClient.ClientId));
  const clients = ok(await aws('list-user-pool-clients', '--user-pool-id', poolId));
  assert.equal(clients.UserPoolClients.map((c: { ClientName: string }) => c.ClientName), ['server']);
});

test('AWS CLI: create-user-pool-domain', async () => {
  ok(await aws('create-user-pool-domain', '--user-pool-id', poolId, '--domain', 'cogniform-test'));
  const described = ok(await aws('describe-user-pool-domain', '--domain', 'cogniform-test'));
  assert.is(described.DomainDescription.UserPoolId, poolId);
});

test('AWS CLI: admin-create-user, create-group, list-groups, admin-add-user-to-group, list-users-in-group, list-users', async () => {
  const user = ok(await aws('admin-create-user', '--user-pool-id', poolId, '--username', 'alice',
    '--user-attributes', 'Name=email,Value=alice@example.com', '--temporary-password', 'Temp#Pass1', '--message-action', 'SUPPRESS'));
  assert.is(user.User.Username, 'alice');
  assert.is(user.User.UserStatus, 'FORCE_CHANGE_PASSWORD');
  ok(await aws('create-group', '--user-pool-id', poolId, '--group-name', 'admins', '--precedence', '1'));
  const groups = ok(await aws('list-groups', '--user-pool-id', poolId));
  assert.equal(groups.Groups.map((g: { GroupName: string }) => g.GroupName), ['admins']);
  ok(await aws('admin-add-user-to-group', '--user-pool-id', poolId, '--username', 'alice', '--group-name', 'admins'));
  const members = ok(await aws('list-users-in-group', '--user-pool-id', poolId, '--group-name', 'admins'));
  assert.equal(members.Users.map((u: { Username: string }) => u.Username), ['alice']);
  const users = ok(await aws('list-users', '--user-pool-id', poolId, '--filter', 'email = "alice@example.com"'));
  assert.equal(users.Users.map((u: { Username: string }) => u.Username), ['alice']);
});

test('AWS CLI: errors reach the CLI as AWS errors', async () => {
  const missing = await aws('describe-user-pool', '--user-pool-id', 'us-east-1_nothere00');
  assert.is(missing.code, 254);
  assert.match(missing.stderr, /ResourceNotFoundException/);
});

test('AWS CLI: delete-user-pool (after delete-user-pool-domain, as AWS requires)', async () => {
  const refused = await aws('delete-user-pool', '--user-pool-id', poolId);
  assert.match(refused.stderr, /It has a domain configured that should be deleted first/);
  ok(await aws('delete-user-pool-domain', '--user-pool-id', poolId, '--domain', 'cogniform-test'));
  ok(await aws('delete-user-pool', '--user-pool-id', poolId));
  const listed = ok(await aws('list-user-pools', '--max-results', '10'));
  assert.equal(listed.UserPools, []);
});

test.run();
