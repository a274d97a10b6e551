import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  UpdateStackCommand,
  type CloudFormationClient,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { ListGroupsCommand, ListUserPoolsCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RESTARTED } from '../../../src/cloudformation/restart.js';
import { allEvents, cloudFormation, rejection, settledChangeSet, settledStatus } from '../../cloudformation/helpers.js';
import { startCli, type ChildEmulator } from '../../helpers/child.js';
import { eventually } from '../../helpers/eventually.js';

// Stacks of the CloudFormation API (what `serverless deploy` makes) when cogniform is SIGKILLed while one of their
// operations runs: the real CLI in a child process on a data dir, killed while the engine is half way through a
// delete, an update and a create (a stack of many groups makes each last long enough to cut), then started again.
// Each operation must end as CloudFormation ends a failed one (a final status, events saying why, the resources
// as that status says), and the next deploy must work. The tests run in order on one data dir; each starts where
// the previous one left the emulator.

/** Groups in the big templates: enough that creating or deleting them takes a while to cut into. */
const MANY = 100;

const pool = (name: string) => ({ Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: name } });
const group = (i: number, description: string) => ({
  Type: 'AWS::Cognito::UserPoolGroup',
  Properties: { UserPoolId: { Ref: 'Pool' }, GroupName: `g${i}`, Description: description },
});
/** A pool named `name` with `groups` groups described `description`. */
const template = (name: string, groups: number, description: string) => JSON.stringify({
  Resources: { Pool: pool(name), ...Object.fromEntries(Array.from({ length: groups }, (_, i) => [`Group${i}`, group(i, description)])) },
  Outputs: { PoolId: { Value: { Ref: 'Pool' } } },
});

let dir: string;
let child: ChildEmulator;
let cfn: CloudFormationClient;

async function start(): Promise<void> {
  child = await startCli(path.join(dir, 'data'));
  cfn = cloudFormation(child.url);
}

async function poolIds(cognito: CognitoIdentityProviderClient, name: string): Promise<string[]> {
  const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  return UserPools!.filter((p) => p.Name === name).map((p) => p.Id!);
}

/** `name:description` of every group of the pool, sorted. */
async function groupsOf(poolId: string): Promise<string[]> {
  const all: string[] = [];
  let token: string | undefined;
  do {
    const page = await child.client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 60, NextToken: token }));
    all.push(...page.Groups!.map((g) => `${g.GroupName}:${g.Description}`));
    token = page.NextToken;
  } while (token);
  return all.sort();
}

/** Polls the named pool's groups until `midway` says the operation is half done, then SIGKILLs the emulator. */
async function killWhen(poolName: string, midway: (groups: number) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let groups = 0;
  for (;;) {
    const [id] = await poolIds(child.client, poolName);
    groups = id ? (await groupsOf(id).catch(() => [])).length : 0;
    if (id && midway(groups)) break;
    if (Date.now() > deadline) assert.unreachable(`${what} never got half way`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  cfn.destroy();
  await child.kill('SIGKILL');
  console.log(`cloudformation crash: ${what} cut by SIGKILL with ${groups} of its pool's groups there (template: ${MANY})`);
  await start();
}

const describe = async (name: string): Promise<Stack> => (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks![0]!;

/** Waits until the stack's name answers "does not exist" (its delete is done). */
const deleted = (name: string) => eventually(async () => assert.match((await rejection(describe(name))).message, /does not exist/));

/** The stack's root events, oldest first, as `STATUS` or `STATUS (reason)`. */
async function rootStory(nameOrId: string, name: string): Promise<string[]> {
  return (await allEvents(cfn, nameOrId))
    .filter((e) => e.LogicalResourceId === name && e.ResourceType === 'AWS::CloudFormation::Stack')
    .map((e) => (e.ResourceStatusReason ? `${e.ResourceStatus} (${e.ResourceStatusReason})` : e.ResourceStatus!))
    .reverse();
}

const V1 = template('upd', 2, 'v1');

test.before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-cfn-crash-'));
  await start();
});
test.after(async () => {
  cfn.destroy();
  await child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

let goneId: string;
let madeChangeSet: string;

test('DeleteStack: cut off by SIGKILL half way, the next start finishes it; operations queued behind it roll back', async () => {
  await cfn.send(new CreateStackCommand({ StackName: 'gone', TemplateBody: template('gone', MANY, 'x') }));
  await cfn.send(new CreateStackCommand({ StackName: 'upd', TemplateBody: V1 }));
  assert.is(await settledStatus(cfn, 'gone'), 'CREATE_COMPLETE');
  assert.is(await settledStatus(cfn, 'upd'), 'CREATE_COMPLETE');
  goneId = (await describe('gone')).StackId!;
  const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: 'made', ChangeSetName: 'first', ChangeSetType: 'CREATE', TemplateBody: template('made', MANY, 'x') }));
  madeChangeSet = Id!;
  assert.is((await settledChangeSet(cfn, 'made', 'first')).ExecutionStatus, 'AVAILABLE');
  // One job at a time: the delete runs, the update and the change set wait their turn, all marked IN_PROGRESS.
  await cfn.send(new DeleteStackCommand({ StackName: 'gone' }));
  await cfn.send(new UpdateStackCommand({ StackName: 'upd', TemplateBody: template('upd', MANY, 'v2') }));
  await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: madeChangeSet }));
  await killWhen('gone', (groups) => groups < MANY, 'the delete');

  assert.match((await rejection(describe('gone'))).message, /does not exist/);
  const gone = (await cfn.send(new DescribeStacksCommand({ StackName: goneId }))).Stacks![0]!;
  assert.is(gone.StackStatus, 'DELETE_COMPLETE');
  assert.equal(await rootStory(goneId, 'gone'), ['CREATE_IN_PROGRESS (User Initiated)', 'CREATE_COMPLETE', 'DELETE_IN_PROGRESS (User Initiated)', `DELETE_IN_PROGRESS (${RESTARTED})`, 'DELETE_COMPLETE']);
  assert.equal(await poolIds(child.client, 'gone'), [], 'the deleted stack\'s pool is gone');

  const upd = await describe('upd');
  assert.is(upd.StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
  assert.is(upd.StackStatusReason, RESTARTED);
  assert.is((await cfn.send(new GetTemplateCommand({ StackName: 'upd' }))).TemplateBody, V1);
  assert.equal(await groupsOf((await poolIds(child.client, 'upd'))[0]!), ['g0:v1', 'g1:v1']);

  const made = await describe('made');
  assert.is(made.StackStatus, 'ROLLBACK_COMPLETE');
  assert.equal(await poolIds(child.client, 'made'), []);
  const changeSet = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: madeChangeSet }));
  assert.is(changeSet.ExecutionStatus, 'EXECUTE_FAILED');
  assert.match(child.output().stdout, /CloudFormation stack upd: UPDATE_IN_PROGRESS when cogniform stopped; now UPDATE_ROLLBACK_COMPLETE/);
});

test('UpdateStack: cut off by SIGKILL half way, the next start goes back to the previous template, and a new update works', async () => {
  const V2 = template('upd', MANY, 'v2');
  await cfn.send(new UpdateStackCommand({ StackName: 'upd', TemplateBody: V2 }));
  const [poolId] = await poolIds(child.client, 'upd');
  await killWhen('upd', (groups) => groups > 2, 'the update');

  const upd = await describe('upd');
  assert.is(upd.StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
  assert.equal(upd.Outputs!.map((o) => `${o.OutputKey}=${o.OutputValue}`), [`PoolId=${poolId}`]);
  assert.is((await cfn.send(new GetTemplateCommand({ StackName: 'upd' }))).TemplateBody, V1);
  assert.equal(await groupsOf(poolId!), ['g0:v1', 'g1:v1'], 'the update\'s groups are gone, the old ones as they were');
  const story = await rootStory('upd', 'upd');
  assert.equal(story.slice(-5), [
    'UPDATE_IN_PROGRESS (User Initiated)', `UPDATE_FAILED (${RESTARTED})`, `UPDATE_ROLLBACK_IN_PROGRESS (${RESTARTED})`,
    'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE',
  ]);

  const V3 = template('upd', 3, 'v3');
  await cfn.send(new UpdateStackCommand({ StackName: 'upd', TemplateBody: V3 }));
  assert.is(await settledStatus(cfn, 'upd'), 'UPDATE_COMPLETE');
  assert.equal(await groupsOf(poolId!), ['g0:v3', 'g1:v3', 'g2:v3']);
});

test('ExecuteChangeSet: a create cut off by SIGKILL half way rolls back on the next start, and what it made is removed', async () => {
  // A stack left ROLLBACK_COMPLETE can only be deleted (as on AWS); then its name is free again.
  await cfn.send(new DeleteStackCommand({ StackName: 'made' }));
  await deleted('made');
  await cfn.send(new CreateChangeSetCommand({ StackName: 'made', ChangeSetName: 'again', ChangeSetType: 'CREATE', TemplateBody: template('made', MANY, 'x') }));
  assert.is((await settledChangeSet(cfn, 'made', 'again')).ExecutionStatus, 'AVAILABLE');
  await cfn.send(new ExecuteChangeSetCommand({ StackName: 'made', ChangeSetName: 'again' }));
  await killWhen('made', (groups) => groups > 0, 'the create');

  const made = await describe('made');
  assert.is(made.StackStatus, 'ROLLBACK_COMPLETE');
  assert.is(made.StackStatusReason, RESTARTED);
  assert.equal(made.Outputs, []);
  assert.equal(await poolIds(child.client, 'made'), [], 'the pool and groups it made are deleted');
  assert.equal((await rootStory('made', 'made')).slice(-5), [
    'REVIEW_IN_PROGRESS (User Initiated)', 'CREATE_IN_PROGRESS (User Initiated)', `CREATE_FAILED (${RESTARTED})`,
    `ROLLBACK_IN_PROGRESS (${RESTARTED})`, 'ROLLBACK_COMPLETE',
  ]);
  const deletes = (await allEvents(cfn, 'made')).filter((e) => e.ResourceStatus === 'DELETE_COMPLETE');
  assert.ok(deletes.some((e) => e.LogicalResourceId === 'Pool'), 'the rollback\'s events name what it deleted');
  assert.is((await cfn.send(new DescribeChangeSetCommand({ StackName: 'made', ChangeSetName: 'again' }))).ExecutionStatus, 'EXECUTE_FAILED');
  const refused = await rejection(cfn.send(new UpdateStackCommand({ StackName: 'made', TemplateBody: template('made', 1, 'x') })));
  assert.match(refused.message, /is in ROLLBACK_COMPLETE state and can not be updated/);

  await cfn.send(new DeleteStackCommand({ StackName: 'made' }));
  await deleted('made');
  await cfn.send(new CreateStackCommand({ StackName: 'made', TemplateBody: template('made', 1, 'x') }));
  assert.is(await settledStatus(cfn, 'made'), 'CREATE_COMPLETE');
  assert.equal((await cfn.send(new DescribeStacksCommand({}))).Stacks!.map((s) => `${s.StackName} ${s.StackStatus}`).sort(), ['made CREATE_COMPLETE', 'upd UPDATE_COMPLETE']);
});

test.run();
