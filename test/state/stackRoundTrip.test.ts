import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listStacks } from '../../src/iac/stacks/stackRecord.js';
import { exportState } from '../../src/state/exportState.js';
import { importState } from '../../src/state/importState.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// A template stack's last good template travels with the state file, so that after an import a failing save still
// rolls back to it (src/iac/reconcile.ts) instead of leaving the stack half-updated.

let dir: string;
let source: TestEmulator;
let target: TestEmulator;

const POOL = 'us-east-1_StateRoll1';
const template = (groups: string[]) => `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Metadata: { cogniform: { id: ${POOL} } }
    Properties: { UserPoolName: roll }
${groups.map((name, i) => `  Group${i}:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: ${name} }
`).join('')}`;

test.before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-state-stack-'));
  source = await startTestEmulator();
  target = await startTestEmulator();
});

test.after(async () => {
  await source.close();
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

const groupsOf = async (emulator: TestEmulator) =>
  ((await emulator.client.send(new ListGroupsCommand({ UserPoolId: POOL }))).Groups ?? []).map((g) => g.GroupName).sort();

test('export/import: a template stack keeps its last good template, so a failing save after the import rolls back', async () => {
  const file = path.join(dir, 'app.yaml');
  await writeFile(file, template(['admins']));
  assert.equal((await source.templates.deploy(file, {})).errors, []);
  const state = await exportState(source.store);
  assert.equal(state.appliedTemplates?.map((t) => t.Stack), (await listStacks(source.store)).map((s) => s.Name));

  await importState(target.store, JSON.parse(JSON.stringify(state)));
  // A later group Cognito refuses (a name over 128 characters) after an added one: the added one must be undone.
  await writeFile(file, template(['admins', 'editors', 'g'.repeat(129)]));
  const report = await target.templates.deploy(file, {});
  assert.ok(report.errors.length > 0, 'the save fails');
  assert.equal(await groupsOf(target), ['admins'], 'the added group is rolled back');
  const [stack] = await listStacks(target.store);
  assert.is(stack!.Status, 'UPDATE_ROLLBACK_COMPLETE');
});

test('import: an appliedTemplates entry for a stack the file does not hold is refused and nothing is written', async () => {
  const state = await exportState(source.store);
  const broken = { ...state, pools: [], stacks: [], appliedTemplates: state.appliedTemplates };
  const fresh = await startTestEmulator();
  try {
    await importState(fresh.store, JSON.parse(JSON.stringify(broken))).then(
      () => assert.unreachable('the file should be refused'),
      (error: Error) => assert.match(error.message, /appliedTemplates\[0\]\.Stack ".+" is not one of the file's stacks/),
    );
    assert.equal(await listStacks(fresh.store), []);
  } finally {
    await fresh.close();
  }
});

test.run();
