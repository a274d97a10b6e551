import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CreateGroupCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnCli, startCli, type ChildEmulator } from '../helpers/child.js';

/**
 * Crash safety: writes the emulator acknowledged survive a SIGKILL in the middle of a write load, and nothing is
 * left half-written (a record without its index entries, a counter out of step with its records).
 */
const LOAD_MS = 1000;
const LOOPS = 8;

/** One kind of write the load makes; the loops take turns between the kinds in `LOADS`. */
interface WriteLoad {
  kind: string;
  create(client: CognitoIdentityProviderClient, poolId: string, name: string): Promise<unknown>;
  /** Rejects unless `name` is stored, complete. */
  check(client: CognitoIdentityProviderClient, poolId: string, name: string): Promise<void>;
  /** Every stored name, page by page, each listed record checked complete. */
  list(client: CognitoIdentityProviderClient, poolId: string): Promise<string[]>;
}

const users: WriteLoad = {
  kind: 'user',
  create: (client, UserPoolId, Username) =>
    client.send(new AdminCreateUserCommand({
      UserPoolId, Username, MessageAction: 'SUPPRESS', TemporaryPassword: 'Temp-Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
    })),
  async check(client, UserPoolId, Username) {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username }));
    assert.is(user.Username, Username);
    assert.is(user.UserStatus, 'FORCE_CHANGE_PASSWORD');
    assert.is(user.UserAttributes!.find((a) => a.Name === 'email')?.Value, `${Username}@example.com`);
  },
  async list(client, UserPoolId) {
    const listAll = async (Filter?: string) => {
      const names: string[] = [];
      let PaginationToken: string | undefined;
      do {
        const page = await client.send(new ListUsersCommand({ UserPoolId, Limit: 60, PaginationToken, Filter }));
        for (const user of page.Users!) {
          const attributes = Object.fromEntries(user.Attributes!.map((a) => [a.Name, a.Value]));
          assert.ok(user.Username && user.UserStatus && user.Enabled === true, JSON.stringify(user));
          assert.ok(user.UserCreateDate instanceof Date && user.UserLastModifiedDate instanceof Date, JSON.stringify(user));
          assert.ok(attributes.sub && attributes.email === `${user.Username}@example.com`, JSON.stringify(user));
          names.push(user.Username);
        }
        PaginationToken = page.PaginationToken;
      } while (PaginationToken);
      return names;
    };
    const names = await listAll();
    // A filter reads the attribute index: it must hold exactly the users whose records are there.
    assert.equal((await listAll('email ^= "user-"')).sort(), [...names].sort(), 'the email index matches the records');
    return names;
  },
};

const groups: WriteLoad = {
  kind: 'group',
  create: (client, UserPoolId, GroupName) =>
    client.send(new CreateGroupCommand({ UserPoolId, GroupName, Description: `about ${GroupName}`, Precedence: 7 })),
  async check(client, UserPoolId, GroupName) {
    const { Group } = await client.send(new GetGroupCommand({ UserPoolId, GroupName }));
    assert.is(Group!.GroupName, GroupName);
    assert.is(Group!.Description, `about ${GroupName}`);
  },
  async list(client, UserPoolId) {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListGroupsCommand({ UserPoolId, Limit: 60, NextToken }));
      for (const group of page.Groups!) {
        assert.ok(group.UserPoolId === UserPoolId && group.Description === `about ${group.GroupName}`, JSON.stringify(group));
        assert.ok(group.Precedence === 7 && group.CreationDate instanceof Date, JSON.stringify(group));
        names.push(group.GroupName!);
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return names;
  },
};

/** The kinds of write under load; drop one here to run the test without it. */
const LOADS: WriteLoad[] = [users, groups];

const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-durability-'));
let emulator: ChildEmulator | undefined;
test.after(async () => {
  await emulator?.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `work` on every item, `width` at a time. */
async function eachLimited<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

test('cogniform start: every acknowledged write survives SIGKILL in the middle of a write load', async () => {
  const first = (emulator = await startCli(dataDir));
  const { UserPool } = await first.client.send(new CreateUserPoolCommand({ PoolName: 'durability' }));
  const poolId = UserPool!.Id!;

  const acknowledged = new Map<WriteLoad, string[]>(LOADS.map((load) => [load, []]));
  const failures: unknown[] = [];
  let killedAt = Infinity;
  const loops = Array.from({ length: LOOPS }, async (_, loop) => {
    const load = LOADS[loop % LOADS.length]!;
    for (let n = 0; ; n++) {
      const name = `${load.kind}-${loop}-${n}`;
      try {
        await load.create(first.client, poolId, name);
        acknowledged.get(load)!.push(name);
      } catch (error) {
        // Calls cut off by the kill fail (reset, refused); a failure before it is a bug.
        if (Date.now() < killedAt) failures.push(error);
        else return;
      }
    }
  });
  await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
  killedAt = Date.now();
  const exit = await first.kill('SIGKILL');
  emulator = undefined;
  await Promise.all(loops);
  assert.is(exit.signal, 'SIGKILL');
  assert.is(failures.length, 0, `${failures.length} writes failed before the kill, the first: ${String(failures[0])}`);
  for (const [load, names] of acknowledged) assert.ok(names.length > 20, `only ${names.length} ${load.kind} writes in ${LOAD_MS} ms`);

  emulator = await startCli(dataDir);
  const client = emulator.client;
  for (const [load, names] of acknowledged) {
    await eachLimited(names, 16, (name) => load.check(client, poolId, name));
    const listed = await load.list(client, poolId);
    const listedSet = new Set(listed);
    assert.is(listedSet.size, listed.length, `${load.kind}s listed once each`);
    const missing = names.filter((name) => !listedSet.has(name));
    assert.equal(missing, [], `every acknowledged ${load.kind} is listed`);
    // At most one unacknowledged write per loop was in flight when the kill came.
    assert.ok(listed.length <= names.length + LOOPS, `${listed.length} ${load.kind}s listed, ${names.length} acknowledged`);
    if (load === users) {
      const { UserPool: described } = await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      assert.is(described!.EstimatedNumberOfUsers, listed.length, 'the user count commits with the users');
    }
  }
});

test('cogniform start: a second cogniform on the same data dir stops with a clear message', async () => {
  emulator ??= await startCli(dataDir);
  const second = spawnCli(['start', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]);
  const exit = await second.exited;
  assert.is(exit.code, 1, exit.stdout + exit.stderr);
  assert.match(exit.stderr, /^cogniform: cannot open the data dir: .*LOCK.*\. Is another cogniform using it\?$/m);
  assert.not.match(exit.stdout, /listening on/);
  // The running one is unharmed.
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'still-writable' }));
  assert.is((await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }))).UserPool!.Name, 'still-writable');
});

test.run();
