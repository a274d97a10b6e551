import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TemplateError } from '../../src/iac/template.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { failure, reconcileHarness, type Harness } from './reconcileHarness.js';

let emulator: TestEmulator;
let harness: Harness;
test.before.each(async () => {
  emulator = await startTestEmulator();
  harness = reconcileHarness(emulator);
});
test.after.each(async () => {
  await emulator.close();
});

const ids = (resources: Record<string, { PhysicalId: string }>) =>
  Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, r.PhysicalId]));
const actions = (changes: { action: string; logicalId: string }[]) => changes.map((c) => `${c.action} ${c.logicalId}`);

test('reconcile: a pool and a client get exactly the ids their Metadata pins', async () => {
  const { stack } = await harness.run('pinned.yaml');
  assert.equal(ids(stack.Resources), { Pool: 'us-east-1_pinnedPool', Client: 'pinnedwebclient0000000000' });
  const client = await harness.api('DescribeUserPoolClient', { UserPoolId: 'us-east-1_pinnedPool', ClientId: 'pinnedwebclient0000000000' });
  assert.is(client.UserPoolClient.ClientName, 'web');
});

test('reconcile: a second stack pinning the same id fails at the resource, saying the id is taken', async () => {
  await harness.run('pinned.yaml');
  const error = await failure(harness.run('pinned.yaml', { stackName: 'other' }));
  assert.instance(error, TemplateError);
  assert.match(error.message, /^test\/iac\/fixtures\/reconcile\/pinned\.yaml:2:3 Resources\.Pool: InvalidParameterException: A user pool with the pinned id us-east-1_pinnedPool already exists\./);
  // The first stack keeps its pool.
  assert.is((await harness.api('DescribeUserPool', { UserPoolId: 'us-east-1_pinnedPool' })).UserPool.Name, 'pinned');
});

test('reconcile: a changed pin replaces the resource under the new id', async () => {
  await harness.run('pinned.yaml');
  const { changes, stack } = await harness.run('pinnedClientRepinned.yaml');
  assert.equal(actions(changes), ['unchanged Pool', 'replace Client']);
  assert.is(stack.Resources.Client!.PhysicalId, 'pinnedwebclient0000000001');
  const gone = await failure(harness.api('DescribeUserPoolClient', { UserPoolId: 'us-east-1_pinnedPool', ClientId: 'pinnedwebclient0000000000' }));
  assert.is((gone as { type?: string }).type, 'ResourceNotFoundException');
});

test('reconcile: replacing a pinned pool with a domain deletes it and its dependents first, then recreates them under the same ids', async () => {
  await harness.run('pinnedWithDomain.yaml');
  const { changes, stack } = await harness.run('pinnedWithDomainReplaced.yaml');
  assert.equal(actions(changes), ['replace Pool', 'replace Domain', 'replace Client']);
  assert.equal(ids(stack.Resources), { Pool: 'us-east-1_pinnedPool', Domain: 'pinned-app', Client: 'pinnedwebclient0000000000' });
  const pool = await harness.api('DescribeUserPool', { UserPoolId: 'us-east-1_pinnedPool' });
  assert.equal(pool.UserPool.UsernameAttributes, ['email']);
  assert.is(pool.UserPool.Domain, 'pinned-app');
  assert.is((await harness.api('ListUserPools', { MaxResults: 60 })).UserPools.length, 1);
});

test('reconcile: ids stay the same across a restart of a persistent emulator', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cogniform-reconcile-'));
  try {
    let persistent = await startTestEmulator({ inMemory: false, dataDir });
    const first = await reconcileHarness(persistent).run('app.yaml');
    await persistent.close();
    persistent = await startTestEmulator({ inMemory: false, dataDir });
    try {
      const restarted = reconcileHarness(persistent);
      const second = await restarted.run('app.yaml');
      assert.ok(second.changes.every((c) => c.action === 'unchanged'), actions(second.changes).join());
      assert.equal(restarted.calls, []);
      assert.equal(ids(second.stack.Resources), ids(first.stack.Resources));
      const pool = second.stack.Resources.Pool!.PhysicalId;
      assert.is((await restarted.api('DescribeUserPool', { UserPoolId: pool })).UserPool.Name, 'app-local');
    } finally {
      await persistent.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test.run();
