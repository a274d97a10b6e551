import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { ListGroupsCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CloudFormationDeps } from '../../src/cloudformation/index.js';
import { changeSetsOf, putChangeSet } from '../../src/cloudformation/model/changeSets.js';
import { findStackMeta, updateStackMeta, type StackMeta } from '../../src/cloudformation/model/stacks.js';
import { RESTARTED, settleInterrupted } from '../../src/cloudformation/restart.js';
import type { TestEmulator } from '../helpers/emulator.js';
import { allEvents, fixture, settledChangeSet, settledStatus, withCloudFormation } from './helpers.js';

// The next start's settling of CloudFormation operations a crash cut off (src/cloudformation/restart.ts), for the
// states a SIGKILL test cannot aim at reliably: each test brings a stack to rest, puts its record back in the state
// a crash at that moment leaves, and settles as a start does. The SIGKILL test of the common cases, on the real
// CLI, is test/reliability/crash/cloudformation.test.ts.

const cfn = withCloudFormation(test);

const quiet = { info: () => {}, error: () => {} };

const settle = (emulator: TestEmulator) => {
  const deps: CloudFormationDeps = {
    store: emulator.store, clock: { now: () => new Date() }, log: quiet, accountId: '000000000000', s3: emulator.s3, templates: () => emulator.templates,
  };
  return settleInterrupted(deps);
};

/** The stack's record as a crash after `change` leaves it. */
async function crashedAt(name: string, change: (meta: StackMeta) => void): Promise<void> {
  const meta = (await findStackMeta(cfn.emulator.store, name))!;
  await updateStackMeta(cfn.emulator.store, meta.StackId, change);
}

const describe = async (name: string) => (await cfn.client.send(new DescribeStacksCommand({ StackName: name }))).Stacks![0]!;

test('CreateStack: with DisableRollback, a create cut off ends CREATE_FAILED on the next start and keeps what it made', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml'), DisableRollback: true }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'CREATE_COMPLETE');
  // The engine had finished (recover.ts finishes a cut-off reconcile first); the API's record had not been told.
  await crashedAt('notes-local', (m) => void (m.StackStatus = 'CREATE_IN_PROGRESS'));
  assert.equal(await settle(cfn.emulator), ['CloudFormation stack notes-local: CREATE_IN_PROGRESS when cogniform stopped; now CREATE_FAILED']);
  const stack = await describe('notes-local');
  assert.equal([stack.StackStatus, stack.StackStatusReason], ['CREATE_FAILED', RESTARTED]);
  const { UserPools } = await cfn.emulator.client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  assert.equal(UserPools!.map((p) => p.Name), ['notes-local']);
  assert.equal(stack.Outputs!.find((o) => o.OutputKey === 'UserPoolId')!.OutputValue, UserPools![0]!.Id);
  const [last, before] = await allEvents(cfn.client, 'notes-local');
  assert.equal([last!.ResourceStatus, last!.ResourceStatusReason, before!.ResourceStatus], ['CREATE_FAILED', RESTARTED, 'CREATE_COMPLETE']);
});

test('UpdateStack: an update cut off in its cleanup pass is finished on the next start (UPDATE_COMPLETE, no rollback)', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
  await settledStatus(cfn.client, 'notes-local');
  await cfn.client.send(new UpdateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesWithGroup.yaml') }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'UPDATE_COMPLETE');
  await crashedAt('notes-local', (m) => {
    m.StackStatus = 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS';
    m.Previous = { TemplateBody: fixture('notes.yaml'), ParameterValues: m.ParameterValues };
  });
  assert.equal(await settle(cfn.emulator), ['CloudFormation stack notes-local: UPDATE_COMPLETE_CLEANUP_IN_PROGRESS when cogniform stopped; now UPDATE_COMPLETE']);
  assert.is((await describe('notes-local')).StackStatus, 'UPDATE_COMPLETE');
  assert.is((await cfn.client.send(new GetTemplateCommand({ StackName: 'notes-local' }))).TemplateBody, fixture('notesWithGroup.yaml'));
  const poolId = (await describe('notes-local')).Outputs!.find((o) => o.OutputKey === 'UserPoolId')!.OutputValue!;
  const { Groups } = await cfn.emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId }));
  assert.equal(Groups!.map((g) => g.GroupName), ['admins']);
  assert.is((await findStackMeta(cfn.emulator.store, 'notes-local'))!.Previous, undefined);
});

test('UpdateStack: a rollback cut off is finished on the next start, back on the previous template', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
  await settledStatus(cfn.client, 'notes-local');
  await cfn.client.send(new UpdateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesWithGroup.yaml') }));
  await settledStatus(cfn.client, 'notes-local');
  await crashedAt('notes-local', (m) => {
    m.StackStatus = 'UPDATE_ROLLBACK_IN_PROGRESS';
    m.Previous = { TemplateBody: fixture('notes.yaml'), ParameterValues: m.ParameterValues };
  });
  assert.equal(await settle(cfn.emulator), ['CloudFormation stack notes-local: UPDATE_ROLLBACK_IN_PROGRESS when cogniform stopped; now UPDATE_ROLLBACK_COMPLETE']);
  assert.is((await cfn.client.send(new GetTemplateCommand({ StackName: 'notes-local' }))).TemplateBody, fixture('notes.yaml'));
  const poolId = (await describe('notes-local')).Outputs!.find((o) => o.OutputKey === 'UserPoolId')!.OutputValue!;
  assert.equal((await cfn.emulator.client.send(new ListGroupsCommand({ UserPoolId: poolId }))).Groups, []);
});

test('CreateChangeSet: a change set a crash left CREATE_PENDING is worked out on the next start', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
  await settledStatus(cfn.client, 'notes-local');
  await cfn.client.send(new CreateChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'group', TemplateBody: fixture('notesWithGroup.yaml') }));
  const worked = await settledChangeSet(cfn.client, 'notes-local', 'group');
  const [record] = await changeSetsOf(cfn.emulator.store, worked.StackId!);
  await putChangeSet(cfn.emulator.store, { ...record!, Status: 'CREATE_PENDING', ExecutionStatus: 'UNAVAILABLE', Changes: [] });
  assert.equal(await settle(cfn.emulator), [], 'no stack was busy');
  const again = await cfn.client.send(new DescribeChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'group' }));
  assert.equal([again.Status, again.ExecutionStatus], ['CREATE_COMPLETE', 'AVAILABLE']);
  assert.equal(again.Changes, worked.Changes);
});

test('cogniform start: a stack record too broken to settle is reported and left as it is; the other stacks settle', async () => {
  for (const name of ['broken', 'notes-local']) {
    await cfn.client.send(new CreateStackCommand({ StackName: name, TemplateBody: fixture('notes.yaml').replace('notes-${Stage}', name) }));
    await settledStatus(cfn.client, name);
    await crashedAt(name, (m) => void (m.StackStatus = 'CREATE_IN_PROGRESS'));
  }
  await crashedAt('broken', (m) => void (m.TemplateBody = '{ not: [a template'));
  const lines = await settle(cfn.emulator);
  assert.is(lines.length, 2);
  assert.match(lines[0]!, /^CloudFormation stack broken: CREATE_IN_PROGRESS when cogniform stopped; ending the operation failed: /);
  assert.is(lines[1], 'CloudFormation stack notes-local: CREATE_IN_PROGRESS when cogniform stopped; now ROLLBACK_COMPLETE');
  assert.is((await describe('broken')).StackStatus, 'CREATE_IN_PROGRESS');
  assert.is((await describe('notes-local')).StackStatus, 'ROLLBACK_COMPLETE');
});

test.run();
