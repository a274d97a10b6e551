import {
  CreateStackCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  UpdateStackCommand,
  CreateChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { ListUserPoolsCommand, ListUserPoolClientsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, fixture, rejection, settledStatus, story, withCloudFormation } from './helpers.js';

// A resource that fails: its *_FAILED event with the reason, then CloudFormation's rollback.

const cfn = withCloudFormation(test);

const pools = async () => (await cfn.emulator.client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!;

test('CreateStack: a resource that fails gives CREATE_FAILED with its reason, then ROLLBACK_COMPLETE with nothing left', async () => {
  const { StackId } = await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesBrokenClient.yaml') }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'ROLLBACK_COMPLETE');
  const events = await allEvents(cfn.client, 'notes-local');
  const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED')!;
  assert.is(failed.LogicalResourceId, 'BrokenClient');
  assert.match(failed.ResourceStatusReason!, /^notes-local \(CloudFormation API\):\d+:\d+ Resources\.BrokenClient.*InvalidParameterException/);
  const lines = story(events);
  assert.ok(lines.includes('notes-local ROLLBACK_IN_PROGRESS'));
  assert.equal(lines.slice(-1), ['notes-local ROLLBACK_COMPLETE']);
  assert.ok(lines.includes('Pool DELETE_COMPLETE'));
  const root = events.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS')!;
  assert.is(root.ResourceStatusReason, 'The following resource(s) failed to create: [BrokenClient]. Rollback requested by user.');
  assert.equal(await pools(), []);
  assert.equal((await cfn.client.send(new ListStackResourcesCommand({ StackName: 'notes-local' }))).StackResourceSummaries, []);
  // A stack in ROLLBACK_COMPLETE can only be deleted.
  const update = await rejection(cfn.client.send(new UpdateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') })));
  assert.equal([update.name, update.message], ['ValidationError', `Stack:${StackId} is in ROLLBACK_COMPLETE state and can not be updated.`]);
  const changeSet = await rejection(cfn.client.send(new CreateChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'again', TemplateBody: fixture('notes.yaml') })));
  assert.is(changeSet.message, `Stack:${StackId} is in ROLLBACK_COMPLETE state and can not be updated.`);
});

test('CreateStack: DisableRollback keeps what was made, in CREATE_FAILED', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesBrokenClient.yaml'), DisableRollback: true }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'CREATE_FAILED');
  assert.is((await pools()).length, 1);
});

test('UpdateStack: a resource that fails gives UPDATE_FAILED, then the previous template again (UPDATE_ROLLBACK_COMPLETE)', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
  await settledStatus(cfn.client, 'notes-local');
  const before = (await cfn.client.send(new DescribeStacksCommand({ StackName: 'notes-local' }))).Stacks![0]!;
  const poolId = before.Outputs!.find((o) => o.OutputKey === 'UserPoolId')!.OutputValue!;
  await cfn.client.send(new UpdateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesBrokenClient.yaml') }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'UPDATE_ROLLBACK_COMPLETE');
  const events = await allEvents(cfn.client, 'notes-local');
  const failed = events.find((e) => e.ResourceStatus === 'UPDATE_FAILED' || e.ResourceStatus === 'CREATE_FAILED')!;
  assert.is(failed.LogicalResourceId, 'BrokenClient');
  const lines = story(events);
  for (const status of ['UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE']) {
    assert.ok(lines.includes(`notes-local ${status}`), status);
  }
  // The group the failed update added is gone again; the pool and its client are the ones from before.
  assert.ok(lines.includes('Admins DELETE_COMPLETE'));
  const after = (await cfn.client.send(new DescribeStacksCommand({ StackName: 'notes-local' }))).Stacks![0]!;
  assert.equal(after.Outputs, before.Outputs);
  const clients = await cfn.emulator.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
  assert.equal(clients.UserPoolClients!.map((c) => c.ClientName), ['web']);
  // It can be updated again, and "no updates" compares with the template rolled back to.
  const same = await rejection(cfn.client.send(new UpdateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') })));
  assert.is(same.message, 'No updates are to be performed.');
});

test.run();
