import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createInbox } from '../../../src/cognito/codes/inbox.js';
import { randomIds } from '../../../src/cognito/ids.js';
import { createCognitoService } from '../../../src/cognito/service.js';
import { recoverInterrupted } from '../../../src/iac/recover.js';
import { loadCloudFormation } from '../../../src/iac/load/cloudformation.js';
import { reconcile, type ReconcileDeps } from '../../../src/iac/reconcile.js';
import { readStack } from '../../../src/iac/stacks/stackRecord.js';
import { handlerFunctions } from '../../../src/lambda/functions.js';
import type { Store } from '../../../src/store/store.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// A reconcile cut off at every one of its steps, in process and deterministic: after its N-th Cognito call commits,
// that call and every later write (Cognito or stack record) hang forever, which leaves the store as a SIGKILL right
// after that commit would. The next start (recoverInterrupted) must then bring the stack to its template with
// nothing left over: no pool, client or group that the stack does not list. The random kills of ./crash.test.ts
// found the defect; this walks every cut point of one update that creates, updates, replaces and deletes.

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
const hang = () => new Promise<never>(() => {});

/** Reconcile deps over the emulator's store; `cutAfter` calls in, everything the reconcile writes hangs. */
function depsFor(emulator: TestEmulator, cutAfter = Infinity): ReconcileDeps & { calls(): number } {
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

const apply = (deps: ReconcileDeps, text: string) =>
  reconcile(deps, { loaded: loadCloudFormation('cut.yaml', text), stackName: 'cut', region: 'us-east-1', parameters: {} });

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
        void apply(depsFor(emulator, cut), v2(replacePool));
        // Let the cut-off reconcile run until everything it does hangs.
        await new Promise((resolve) => setTimeout(resolve, 20));
        const recovered = await recoverInterrupted(depsFor(emulator));
        assert.equal(recovered, ['stack cut: its last reconcile was cut off (cogniform stopped); finished it'], `cut after call ${cut}`);
        await assertWhole(emulator, `cut after call ${cut} of ${steps}`);
      }
    } finally {
      await emulator.close();
    }
  });
}

test('reconcile: an update cut off and then reverted in the file is applied again, not taken as unchanged', async () => {
  const emulator = await startTestEmulator();
  try {
    await apply(depsFor(emulator), V1);
    // Cut off in its first update; the file is then reverted, and the next reconcile has the original template.
    const cutOff = depsFor(emulator, 1);
    void apply(cutOff, V1.replace(/first/g, 'changed'));
    await new Promise((resolve) => setTimeout(resolve, 20));
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
