import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { confirmedUser, passwordSignIn, setUp, type Setup } from '../cognito/operations/signIn/signInFixtures.js';
import type { StateFile } from '../../src/state/format.js';

// POST /_cogniform/state (what `cogniform import` sends a running emulator) and `start --seed`: a bad or clashing
// file is refused with a message naming what is wrong, and nothing of it is written.

let source: TestEmulator;
let setup: Setup;
let state: StateFile;
let dir: string;

test.before(async () => {
  source = await startTestEmulator();
  setup = await setUp(source);
  await confirmedUser(source, setup, 'alice');
  state = (await (await fetch(`${source.url}/_cogniform/state`)).json()) as StateFile;
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-import-'));
});

test.after(async () => {
  await source.close();
  await rm(dir, { recursive: true, force: true });
});

const post = (emulator: TestEmulator, body: unknown) =>
  fetch(`${emulator.url}/_cogniform/state`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

async function pools(emulator: TestEmulator): Promise<string[]> {
  const { UserPools } = await emulator.client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  return UserPools!.map((p) => p.Id!);
}

test('import: a running emulator takes a state file and its users sign in', async () => {
  const target = await startTestEmulator();
  try {
    const response = await post(target, state);
    assert.is(response.status, 200);
    assert.equal(await response.json(), { imported: { pools: 1, users: 1, identityPools: 0, identities: 0, stacks: 0 } });
    assert.ok((await passwordSignIn(target, setup.clientId, 'alice')).AuthenticationResult?.IdToken);
  } finally {
    await target.close();
  }
});

for (const [what, change, message] of [
  ['another format', (s: any) => ({ ...s, format: 'something-else' }), '"format" must be "cogniform-state"'],
  ['a newer version', (s: any) => ({ ...s, version: 3 }), '"version" 3 is not one this cogniform reads (it reads versions 1 and 2)'],
  ['no pools list', (s: any) => ({ ...s, pools: undefined }), 'pools is missing'],
  ['a user without a key', (s: any) => ({ ...s, pools: [{ ...s.pools[0], users: [{ ...s.pools[0].users[0], UsernameKey: undefined }] }] }), 'pools[0].users[0]'],
  ['a user listed under another pool', (s: any) => ({ ...s, pools: [{ ...s.pools[0], users: [{ ...s.pools[0].users[0], UserPoolId: 'us-east-1_other' }] }] }), 'pools[0].users[0].UserPoolId must be'],
  ['a pool without its clients', (s: any) => ({ ...s, pools: [{ ...s.pools[0], clients: undefined }] }), 'pools[0].clients is missing'],
] as const) {
  test(`import: a file with ${what} is refused and nothing is written`, async () => {
    const target = await startTestEmulator();
    try {
      const response = await post(target, change(structuredClone(state)));
      assert.is(response.status, 400);
      assert.match(((await response.json()) as { message: string }).message, message);
      assert.equal(await pools(target), []);
    } finally {
      await target.close();
    }
  });
}

test('import: text that is not JSON is refused with 400', async () => {
  const target = await startTestEmulator();
  try {
    const response = await post(target, '{"format": ');
    assert.is(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, 'not JSON');
  } finally {
    await target.close();
  }
});

test('import: a pool that already exists is refused, and the file\'s other pools are not written either', async () => {
  const target = await startTestEmulator();
  try {
    const fresh = structuredClone(state);
    const other = structuredClone(state.pools[0]!);
    const otherId = 'us-east-1_Another1';
    other.pool.Id = otherId;
    for (const section of ['clients', 'users', 'memberships', 'tokenSessions', 'tokenSignOuts', 'groups', 'domains'] as const) {
      other[section] = [];
    }
    delete other.signingKeys;
    assert.is((await post(target, { ...fresh, pools: [fresh.pools[0]] })).status, 200);
    const response = await post(target, { ...fresh, pools: [other, fresh.pools[0]] });
    assert.is(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, `pool ${setup.poolId} already exists`);
    assert.equal(await pools(target), [setup.poolId]);
  } finally {
    await target.close();
  }
});

test('start --seed: an empty store is seeded; a store with state keeps it', async () => {
  const file = path.join(dir, 'seed.json');
  await writeFile(file, JSON.stringify(state));
  const dataDir = path.join(dir, 'seeded');
  const first = await startTestEmulator({ inMemory: false, dataDir, seed: file });
  try {
    assert.ok((await passwordSignIn(first, setup.clientId, 'alice')).AuthenticationResult?.IdToken);
  } finally {
    await first.close();
  }
  // The second start finds the pool already there: seeding again would clash, so it is skipped, not failed.
  const second = await startTestEmulator({ inMemory: false, dataDir, seed: file });
  try {
    assert.equal(await pools(second), [setup.poolId]);
  } finally {
    await second.close();
  }
});

test('start --seed: a bad seed file stops the start with a message naming the problem', async () => {
  const file = path.join(dir, 'bad-seed.json');
  await writeFile(file, JSON.stringify({ ...state, version: 9 }));
  try {
    await startTestEmulator({ seed: file });
    assert.unreachable('started with a bad seed');
  } catch (error) {
    assert.match((error as Error).message, '"version" 9');
  }
});

test.run();
