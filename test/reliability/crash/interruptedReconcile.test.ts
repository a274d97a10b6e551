import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createInbox } from '../../../src/cognito/codes/inbox.js';
import { randomIds } from '../../../src/cognito/ids.js';
import { createCognitoService } from '../../../src/cognito/service.js';
import { recoverInterrupted } from '../../../src/iac/recover.js';
import { loadCloudFormation } from '../../../src/iac/load/cloudformation.js';
import { reconcile, type ReconcileDeps } from '../../../src/iac/reconcile.js';
import { reconcileJournal } from '../../../src/iac/stacks/journal.js';
import { readStack } from '../../../src/iac/stacks/stackRecord.js';
import { handlerFunctions } from '../../../src/lambda/functions.js';
import type { Store } from '../../../src/store/store.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// A reconcile cut off at every one of its steps, in process and deterministic: after its N-th Cognito call commits,
// that call and every later write (Cognito or stack record) hang forever, which leaves the store as a SIGKILL right
// after that commit would. The next start (recoverInterrupted) must then bring the stack to its template with
// nothing left over: no pool, client or group that the stack does not list. The random kills of ./crash.test.ts
// found the defect; this walks every cut point of one update that creates, updates, replaces and deletes, and of
// a file's update that fails and rolls back (cut inside the rollback too: the next start finishes the rollback).

const V1 = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: cut }
  ClientA:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool, ClientName: a }
  GroupOne:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: one, Description: first }
  GroupTwo:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: two, Description: first }
`;
// Email as username replaces the pool (and so every client and group); without the replacement, only groups and
// clients come and go.
const v2 = (replacePool: boolean) => `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: cut${replacePool ? ', UsernameAttributes: [email]' : ''} }
  ClientA:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool, ClientName: a2 }
  ClientB:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool, ClientName: b }
  GroupTwo:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: two, Description: second }
  GroupThree:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, Description: second }
`;

const quiet = { info: () => {}, error: () => {} };
/** Reconcile deps over the emulator's store; `cutAfter` calls in, everything the reconcile writes hangs. */
function depsFor(emulator: TestEmulator, cutAfter = Infinity): ReconcileDeps & { calls(): number; cutOff(): Promise<void> } {
  let hung!: () => void;
  const first = new Promise<void>((resolve) => (hung = resolve));
  const hang = () => {
    hung();
    return new Promise<never>(() => {});
  };
  const clock = { now: () => new Date() };
  const cognito = createCognitoService({
    store: emulator.store, clock, ids: randomIds, log: quiet, inbox: createInbox({ store: emulator.store, clock, log: quiet }),
    port: emulator.port, issuer: 'local', tokens: emulator.tokens, functions: handlerFunctions({}),
  });
  let calls = 0;
  const store: Store = Object.create(emulator.store, {
    transact: { value: (key: string, work: never) => (calls >= cutAfter ? hang() : emulator.store.transact(key, work)) },
  });
  return {
    store,
    accountId: '000000000000',
    calls: () => calls,
    // Once the first write hangs, the rest of the reconcile runs into the cut within a few turns (on a loaded
    // machine a fixed delay from the start was not always enough to get there).
    cutOff: () => first.then(() => new Promise((resolve) => setTimeout(resolve, 20))),
    providerContext: ({ stackName, region }) => ({
      region, accountId: '000000000000', stackName, s3: emulator.s3, log: () => {},
      async cognito(operation, request, extra) {
        if (calls >= cutAfter) return hang();
        const result = await cognito(operation, { region, accountId: '000000000000', requestId: `cut-${calls}`, ...extra }, request);
        calls++;
        return calls >= cutAfter ? hang() : result;
      },
      cognitoIdentity: () => Promise.reject(new Error('no identity pools in this test')),
    }),
  };
}

const apply = (deps: ReconcileDeps, text: string, rollBack = false) =>
  reconcile(deps, { loaded: loadCloudFormation('cut.yaml', text), stackName: 'cut', region: 'us-east-1', parameters: {}, ...(rollBack ? { rollBack } : {}) });

/** The stack is `UPDATE_COMPLETE` with v2's resources, and the emulator holds exactly what it lists. */
async function assertWhole(emulator: TestEmulator, where: string): Promise<void> {
  const stack = (await readStack(emulator.store, 'cut'))!;
  assert.is(stack.Status, 'UPDATE_COMPLETE', where);
  assert.is(stack.Leftovers, undefined, where);
  assert.equal(Object.keys(stack.Resources).sort(), ['ClientA', 'ClientB', 'GroupThree', 'GroupTwo', 'Pool'], where);
  const poolId = stack.Resources.Pool!.PhysicalId;
  const { UserPools } = (await emulator.call('ListUserPools', { MaxResults: 60 })).body;
  assert.equal(UserPools.map((p: { Id: string }) => p.Id), [poolId], `${where}: only the stack's pool`);
  const { Groups } = (await emulator.call('ListGroups', { UserPoolId: poolId })).body;
  assert.equal(
    Groups.map((g: { GroupName: string; Description: string }) => `${g.GroupName}:${g.Description}`).sort(),
    [`${stack.Resources.GroupThree!.PhysicalId}:second`, 'two:second'].sort(),
    `${where}: the pool's groups`,
  );
  const { UserPoolClients } = (await emulator.call('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 60 })).body;
  assert.equal(
    UserPoolClients.map((c: { ClientId: string; ClientName: string }) => `${c.ClientId}:${c.ClientName}`).sort(),
    [`${stack.Resources.ClientA!.PhysicalId}:a2`, `${stack.Resources.ClientB!.PhysicalId}:b`].sort(),
    `${where}: the pool's clients`,
  );
}

for (const replacePool of [false, true]) {
  test(`reconcile: cut off after any step of an update${replacePool ? ' that replaces the pool' : ''}, the next start finishes it and leaves nothing behind`, async () => {
    const emulator = await startTestEmulator();
    try {
      const full = depsFor(emulator);
      await apply(full, V1);
      const before = full.calls();
      await apply(full, v2(replacePool));
      const steps = full.calls() - before;
      assert.ok(steps >= 5, `the update makes ${steps} calls`);
      for (let cut = 1; cut <= steps; cut++) {
        await emulator.app.inject({ method: 'POST', url: '/_cogniform/reset' });
        await apply(depsFor(emulator), V1);
        const cutOff = depsFor(emulator, cut);
        void apply(cutOff, v2(replacePool));
        await cutOff.cutOff();
        const recovered = await recoverInterrupted(depsFor(emulator));
        assert.equal(recovered, ['stack cut: its last reconcile was cut off (cogniform stopped); finished it'], `cut after call ${cut}`);
        await assertWhole(emulator, `cut after call ${cut} of ${steps}`);
      }
    } finally {
      await emulator.close();
    }
  });
}

/** v2 and then a group Cognito refuses (a name over 128 characters), after everything else: a file's reconcile rolls back. */
const v2Broken = (replacePool: boolean) => `${v2(replacePool)}  Broken:
    Type: AWS::Cognito::UserPoolGroup
    DependsOn: [ClientA, ClientB, GroupTwo, GroupThree]
    Properties: { UserPoolId: !Ref Pool, GroupName: ${'g'.repeat(129)} }
`;

/** The stack is `UPDATE_ROLLBACK_COMPLETE` with V1's resources, its pool `poolId`, and the emulator holds only them. */
async function assertRolledBack(emulator: TestEmulator, poolId: string, where: string): Promise<void> {
  const stack = (await readStack(emulator.store, 'cut'))!;
  assert.is(stack.Status, 'UPDATE_ROLLBACK_COMPLETE', where);
  assert.match(stack.LastReconcile!.error!, /Resources\.Broken: InvalidParameterException/, where);
  assert.is(stack.Leftovers, undefined, where);
  assert.equal(Object.keys(stack.Resources).sort(), ['ClientA', 'GroupOne', 'GroupTwo', 'Pool'], where);
  assert.is(stack.Resources.Pool!.PhysicalId, poolId, `${where}: the old pool is the stack's again`);
  const { UserPools } = (await emulator.call('ListUserPools', { MaxResults: 60 })).body;
  assert.equal(UserPools.map((p: { Id: string }) => p.Id), [poolId], `${where}: only the stack's pool`);
  const { Groups } = (await emulator.call('ListGroups', { UserPoolId: poolId })).body;
  assert.equal(Groups.map((g: { GroupName: string; Description: string }) => `${g.GroupName}:${g.Description}`).sort(), ['one:first', 'two:first'], `${where}: the pool's groups`);
  const { UserPoolClients } = (await emulator.call('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 60 })).body;
  assert.equal(UserPoolClients.map((c: { ClientId: string; ClientName: string }) => `${c.ClientId}:${c.ClientName}`), [`${stack.Resources.ClientA!.PhysicalId}:a`], `${where}: the pool's clients`);
}

for (const replacePool of [false, true]) {
  test(`reconcile: a failing file update${replacePool ? ' that replaces the pool' : ''} cut off after any step, its rollback's included, ends rolled back at the next start`, async () => {
    const emulator = await startTestEmulator();
    try {
      const full = depsFor(emulator);
      await apply(full, V1, true);
      const before = full.calls();
      await apply(full, v2Broken(replacePool), true).then(() => assert.unreachable('v2Broken applied'), () => {});
      const steps = full.calls() - before;
      let inRollback = 0;
      for (let cut = 1; cut <= steps; cut++) {
        await emulator.app.inject({ method: 'POST', url: '/_cogniform/reset' });
        const poolId = (await apply(depsFor(emulator), V1, true)).stack.Resources.Pool!.PhysicalId;
        const cutOff = depsFor(emulator, cut);
        void apply(cutOff, v2Broken(replacePool), true).catch(() => {});
        await cutOff.cutOff();
        const journal = await emulator.store.table(reconcileJournal).get(['cut']);
        if (journal?.RollingBack !== undefined) inRollback++;
        const recovered = await recoverInterrupted(depsFor(emulator));
        assert.is(recovered.length, 1, `cut after call ${cut}`);
        assert.match(recovered[0]!, journal?.RollingBack !== undefined
          ? /^stack cut: its rollback to the last good template was cut off \(cogniform stopped\); finished it$/
          : /^stack cut: its last reconcile was cut off \(cogniform stopped\); running it again failed: cut\.yaml:\d+:\d+ Resources\.Broken: /, `cut after call ${cut}`);
        await assertRolledBack(emulator, poolId, `cut after call ${cut} of ${steps}`);
      }
      assert.ok(inRollback >= 3, `${inRollback} of ${steps} cut points fall inside the rollback`);
    } finally {
      await emulator.close();
    }
  });
}

const pinned = (extra: string) => `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Metadata: { cogniform: { id: us-east-1_cutPinned } }
    Properties: { UserPoolName: cut${extra} }
  Admins:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: admins }
`;

test('reconcile: a pinned pool replaced by deleting it first (after a rehearsal under another id), cut off after any step, is finished at the next start', async () => {
  const emulator = await startTestEmulator();
  const replacing = pinned(', UsernameAttributes: [email]');
  try {
    const full = depsFor(emulator);
    await apply(full, pinned(''), true);
    const before = full.calls();
    await apply(full, replacing, true);
    const steps = full.calls() - before;
    assert.ok(steps >= 6, `the replacement makes ${steps} calls`);
    for (let cut = 1; cut <= steps; cut++) {
      await emulator.app.inject({ method: 'POST', url: '/_cogniform/reset' });
      await apply(depsFor(emulator), pinned(''), true);
      const cutOff = depsFor(emulator, cut);
      void apply(cutOff, replacing, true);
      await cutOff.cutOff();
      const where = `cut after call ${cut} of ${steps}`;
      assert.equal(await recoverInterrupted(depsFor(emulator)), ['stack cut: its last reconcile was cut off (cogniform stopped); finished it'], where);
      const stack = (await readStack(emulator.store, 'cut'))!;
      assert.is(stack.Status, 'UPDATE_COMPLETE', where);
      assert.is(stack.Leftovers, undefined, where);
      const { UserPools } = (await emulator.call('ListUserPools', { MaxResults: 60 })).body;
      assert.equal(UserPools.map((p: { Id: string }) => p.Id), ['us-east-1_cutPinned'], `${where}: no rehearsal pool left`);
      const { UserPool } = (await emulator.call('DescribeUserPool', { UserPoolId: 'us-east-1_cutPinned' })).body;
      assert.equal(UserPool.UsernameAttributes, ['email'], where);
      const { Groups } = (await emulator.call('ListGroups', { UserPoolId: 'us-east-1_cutPinned' })).body;
      assert.equal(Groups.map((g: { GroupName: string }) => g.GroupName), ['admins'], where);
    }
  } finally {
    await emulator.close();
  }
});

test('reconcile: an update cut off and then reverted in the file is applied again, not taken as unchanged', async () => {
  const emulator = await startTestEmulator();
  try {
    await apply(depsFor(emulator), V1);
    // Cut off in its first update; the file is then reverted, and the next reconcile has the original template.
    const cutOff = depsFor(emulator, 1);
    void apply(cutOff, V1.replace(/first/g, 'changed'));
    await cutOff.cutOff();
    const marked = (await readStack(emulator.store, 'cut'))!;
    assert.ok(Object.values(marked.Resources).some((r) => r.Interrupted), JSON.stringify(marked.Resources));
    const result = await apply(depsFor(emulator), V1);
    assert.ok(result.changes.some((c) => c.action === 'update'), JSON.stringify(result.changes));
    const poolId = result.stack.Resources.Pool!.PhysicalId;
    const { Groups } = (await emulator.call('ListGroups', { UserPoolId: poolId })).body;
    assert.equal(Groups.map((g: { Description: string }) => g.Description), ['first', 'first']);
    assert.ok(Object.values((await readStack(emulator.store, 'cut'))!.Resources).every((r) => !r.Interrupted));
  } finally {
    await emulator.close();
  }
});

test('reconcile: a failed create leaves no leftover for the next reconcile to delete', async () => {
  const emulator = await startTestEmulator();
  try {
    const deps = depsFor(emulator);
    await apply(deps, V1);
    const poolId = (await readStack(emulator.store, 'cut'))!.Resources.Pool!.PhysicalId;
    // A group of the same name made outside the stack: the template's create fails, and the group is not the stack's.
    await emulator.call('CreateGroup', { UserPoolId: poolId, GroupName: 'three', Description: 'mine' });
    const withThree = V1.replace('GroupName: two', 'GroupName: three');
    const error = await apply(deps, withThree).then(() => undefined, (e: Error) => e);
    assert.match(String(error), /GroupExistsException/);
    assert.is((await readStack(emulator.store, 'cut'))!.Leftovers, undefined);
    await apply(deps, V1);
    const { Group } = (await emulator.call('GetGroup', { UserPoolId: poolId, GroupName: 'three' })).body;
    assert.is(Group.Description, 'mine');
  } finally {
    await emulator.close();
  }
});

test.run();
