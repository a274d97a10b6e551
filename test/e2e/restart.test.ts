import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  ListUsersInGroupCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startCli, type ChildEmulator } from '../helpers/child.js';

/**
 * State kept in LevelDB survives a clean stop (SIGTERM) and a start on the same data dir, unchanged. Set-up runs
 * inside the first test, not in `test.before`: uvu 0.5 swallows errors thrown by hooks and exits 0
 * (lukeed/uvu#60, #80).
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-restart-'));
let emulator: ChildEmulator | undefined;
let poolId = '';
let clientId = '';

/** What every read answers, without the per-call `$metadata`. */
async function snapshot(client: CognitoIdentityProviderClient) {
  const strip = <T extends { $metadata?: unknown }>({ $metadata, ...rest }: T) => rest;
  return {
    pool: strip(await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))),
    client: strip(await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))),
    group: strip(await client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'admins' }))),
    user: strip(await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }))),
    members: strip(await client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'admins' }))),
    groupsOfUser: strip(await client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'alice' }))),
  };
}

let before: Awaited<ReturnType<typeof snapshot>>;

async function populate(): Promise<void> {
  emulator = await startCli(dataDir);
  const { client } = emulator;
  const { UserPool } = await client.send(new CreateUserPoolCommand({
    PoolName: 'restart',
    Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
    UsernameConfiguration: { CaseSensitive: false },
  }));
  poolId = UserPool!.Id!;
  const { UserPoolClient } = await client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId,
    ClientName: 'web',
    GenerateSecret: true,
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  clientId = UserPoolClient!.ClientId!;
  await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins', Description: 'the admins', Precedence: 1 }));
  await client.send(new AdminCreateUserCommand({
    UserPoolId: poolId,
    Username: 'alice',
    MessageAction: 'SUPPRESS',
    TemporaryPassword: 'Temp-Passw0rd!',
    UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'custom:tenant', Value: 'acme' }],
  }));
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, GroupName: 'admins', Username: 'alice' }));
  before = await snapshot(client);
}

test.after(async () => {
  await emulator?.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

test('cogniform start: SIGTERM after writes closes the store and exits 0', async () => {
  await populate();
  const exit = await emulator!.kill('SIGTERM');
  emulator = undefined;
  assert.is(exit.code, 0, exit.stderr);
  assert.is(exit.signal, null);
  assert.match(exit.stdout, /^SIGTERM: closed the store; stopped$/m);
  assert.not.match(exit.stderr, /error/i);
});

test('cogniform start: a restart on the same data dir finds pool, client, group, user and membership unchanged', async () => {
  assert.is(emulator, undefined, 'the first test populated the data dir and stopped the emulator');
  emulator = await startCli(dataDir);
  const after = await snapshot(emulator.client);
  assert.equal(after.pool, before.pool);
  assert.equal(after.client, before.client);
  assert.ok(after.client.UserPoolClient!.ClientSecret, 'the client secret is kept');
  assert.equal(after.group, before.group);
  assert.equal(after.user, before.user);
  assert.equal(after.members.Users!.map((u) => u.Username), ['alice']);
  assert.equal(after.members, before.members);
  assert.equal(after.groupsOfUser.Groups!.map((g) => g.GroupName), ['admins']);
  // The username index is case-insensitive in this pool, and survives too.
  assert.is((await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ALICE' }))).Username, 'alice');
});

test.run();
