import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackResourceCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListExportsCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, fixture, rejection, settledStatus, story, withCloudFormation } from './helpers.js';

const cfn = withCloudFormation(test);

const create = (name = 'notes-local', body = fixture('notes.yaml')) =>
  cfn.client.send(new CreateStackCommand({ StackName: name, TemplateBody: body, Tags: [{ Key: 'STAGE', Value: 'local' }] }));
const describe = async (name: string) => (await cfn.client.send(new DescribeStacksCommand({ StackName: name }))).Stacks![0]!;

test('CreateStack: answers the StackId at once and creates the stack after, with its outputs', async () => {
  const { StackId } = await create();
  assert.match(StackId!, /^arn:aws:cloudformation:us-east-1:000000000000:stack\/notes-local\/[0-9a-f-]{36}$/);
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'CREATE_COMPLETE');
  const stack = await describe('notes-local');
  assert.is(stack.StackId, StackId);
  assert.is(stack.Description, 'Notes app auth');
  assert.equal(stack.Parameters, [{ ParameterKey: 'Stage', ParameterValue: 'local' }]);
  assert.equal(stack.Tags, [{ Key: 'STAGE', Value: 'local' }]);
  assert.is(stack.EnableTerminationProtection, false);
  assert.equal(stack.DriftInformation, { StackDriftStatus: 'NOT_CHECKED' });
  const outputs = Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey, o]));
  assert.match(outputs.UserPoolId!.OutputValue!, /^us-east-1_/);
  assert.is(outputs.UserPoolId!.Description, 'The pool');
  assert.is(outputs.UserPoolId!.ExportName, 'notes-local-UserPoolId');
  // The pool is a real one: the Cognito API sees it.
  const pool = await cfn.emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: outputs.UserPoolId!.OutputValue! }));
  assert.is(pool.UserPool!.Name, 'notes-local');
});

test('CreateStack: events tell the story newest first, each with a unique EventId and the root events', async () => {
  await create();
  await settledStatus(cfn.client, 'notes-local');
  const events = await allEvents(cfn.client, 'notes-local');
  assert.equal(story(events), [
    'notes-local CREATE_IN_PROGRESS',
    'Pool CREATE_IN_PROGRESS', 'Pool CREATE_IN_PROGRESS', 'Pool CREATE_COMPLETE',
    'Client CREATE_IN_PROGRESS', 'Client CREATE_IN_PROGRESS', 'Client CREATE_COMPLETE',
    'notes-local CREATE_COMPLETE',
  ]);
  assert.is(new Set(events.map((e) => e.EventId)).size, events.length);
  const root = events.at(-1)!;
  assert.is(root.ResourceType, 'AWS::CloudFormation::Stack');
  assert.is(root.ResourceStatusReason, 'User Initiated');
  assert.match(root.PhysicalResourceId!, /^arn:aws:cloudformation:/);
  const initiated = events.find((e) => e.LogicalResourceId === 'Pool' && e.ResourceStatusReason === 'Resource creation Initiated')!;
  assert.match(initiated.PhysicalResourceId!, /^us-east-1_/);
  assert.equal(JSON.parse(initiated.ResourceProperties!), { UserPoolName: 'notes-local' });
});

test('CreateStack: a name in use is AlreadyExistsException; a bad name, a bad template or a bad parameter is ValidationError', async () => {
  await create();
  const taken = await rejection(create());
  assert.equal([taken.name, taken.message], ['AlreadyExistsException', 'Stack [notes-local] already exists']);
  const badName = await rejection(create('1notes'));
  assert.is(badName.name, 'ValidationError');
  assert.match(badName.message, /Member must satisfy regular expression pattern: \[a-zA-Z\]\[-a-zA-Z0-9\]\*/);
  const badTemplate = await rejection(create('other', 'Resources: {}\nBogus: 1\n'));
  assert.equal([badTemplate.name, badTemplate.message], ['ValidationError', 'Template format error: Invalid template property or properties [Bogus]']);
  const badParameter = await rejection(cfn.client.send(new CreateStackCommand({
    StackName: 'other', TemplateBody: fixture('notes.yaml'), Parameters: [{ ParameterKey: 'Nope', ParameterValue: 'x' }],
  })));
  assert.equal([badParameter.name, badParameter.message], ['ValidationError', 'Parameters: [Nope] do not exist in the template']);
  const noTemplate = await rejection(cfn.client.send(new CreateStackCommand({ StackName: 'other' })));
  assert.equal([noTemplate.name, noTemplate.message], ['ValidationError', 'Either Template URL or Template Body must be specified.']);
});

test('CreateStack: IAM resources need their capability, as AWS words it', async () => {
  const iam = await rejection(create('roles', fixture('iamRole.json')));
  assert.equal([iam.name, iam.message], ['InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_IAM]']);
  const named = await rejection(cfn.client.send(new CreateStackCommand({ StackName: 'roles', TemplateBody: fixture('namedIamRole.yaml'), Capabilities: ['CAPABILITY_IAM'] })));
  assert.equal([named.name, named.message], ['InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_NAMED_IAM]']);
  await cfn.client.send(new CreateStackCommand({ StackName: 'roles', TemplateBody: fixture('namedIamRole.yaml'), Capabilities: ['CAPABILITY_NAMED_IAM'] }));
  assert.is(await settledStatus(cfn.client, 'roles'), 'CREATE_COMPLETE');
});

test('UpdateStack: applies the new template (UPDATE_COMPLETE, cleanup phase) and refuses an update that changes nothing', async () => {
  await create();
  await settledStatus(cfn.client, 'notes-local');
  const before = await describe('notes-local');
  await cfn.client.send(new UpdateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesWithGroup.yaml') }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'UPDATE_COMPLETE');
  const after = await describe('notes-local');
  assert.ok(after.LastUpdatedTime);
  assert.equal(after.Outputs!.find((o) => o.OutputKey === 'UserPoolId'), before.Outputs!.find((o) => o.OutputKey === 'UserPoolId'));
  const tail = story(await allEvents(cfn.client, 'notes-local')).slice(8);
  // Client and Admins are applied side by side: their events interleave, each resource's in order.
  assert.is(tail[0], 'notes-local UPDATE_IN_PROGRESS');
  assert.equal(tail.filter((line) => line.startsWith('Client')), ['Client UPDATE_IN_PROGRESS', 'Client UPDATE_COMPLETE']);
  assert.equal(tail.filter((line) => line.startsWith('Admins')), ['Admins CREATE_IN_PROGRESS', 'Admins CREATE_IN_PROGRESS', 'Admins CREATE_COMPLETE']);
  assert.equal(tail.slice(-2), ['notes-local UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'notes-local UPDATE_COMPLETE']);
  assert.is(tail.length, 8);
  const same = await rejection(cfn.client.send(new UpdateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesWithGroup.yaml') })));
  assert.equal([same.name, same.message], ['ValidationError', 'No updates are to be performed.']);
  const previous = await rejection(cfn.client.send(new UpdateStackCommand({
    StackName: 'notes-local', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Stage', UsePreviousValue: true }],
  })));
  assert.is(previous.message, 'No updates are to be performed.');
  const missing = await rejection(cfn.client.send(new UpdateStackCommand({ StackName: 'nope', TemplateBody: fixture('notes.yaml') })));
  assert.equal([missing.name, missing.message], ['ValidationError', 'Stack with id nope does not exist']);
});

test('DescribeStacks: a missing stack by name is ValidationError "does not exist" (400); without a name, all live stacks', async () => {
  const missing = await rejection(cfn.client.send(new DescribeStacksCommand({ StackName: 'notes-local' })));
  assert.equal([missing.name, missing.message, missing.status], ['ValidationError', 'Stack with id notes-local does not exist', 400]);
  await create();
  await create('notes-dev');
  await settledStatus(cfn.client, 'notes-dev');
  const { Stacks } = await cfn.client.send(new DescribeStacksCommand({}));
  assert.equal(Stacks!.map((s) => s.StackName).sort(), ['notes-dev', 'notes-local']);
});

test('DeleteStack: deletes the resources (DELETE_COMPLETE by ARN, "does not exist" by name); a missing stack is no error', async () => {
  const { StackId } = await create();
  await settledStatus(cfn.client, 'notes-local');
  const poolId = (await describe('notes-local')).Outputs!.find((o) => o.OutputKey === 'UserPoolId')!.OutputValue!;
  await cfn.client.send(new DeleteStackCommand({ StackName: 'notes-local' }));
  await settledStatus(cfn.client, StackId!);
  const deleted = await describe(StackId!);
  assert.is(deleted.StackStatus, 'DELETE_COMPLETE');
  assert.ok(deleted.DeletionTime);
  const byName = await rejection(describe('notes-local'));
  assert.is(byName.message, 'Stack with id notes-local does not exist');
  const gone = await rejection(cfn.emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId })));
  assert.is(gone.name, 'ResourceNotFoundException');
  const events = story(await allEvents(cfn.client, StackId!));
  assert.equal(events.slice(-6), [
    'notes-local DELETE_IN_PROGRESS',
    'Client DELETE_IN_PROGRESS', 'Client DELETE_COMPLETE', 'Pool DELETE_IN_PROGRESS', 'Pool DELETE_COMPLETE',
    'notes-local DELETE_COMPLETE',
  ]);
  const eventsByName = await rejection(allEvents(cfn.client, 'notes-local'));
  assert.is(eventsByName.message, 'Stack with id notes-local does not exist');
  await cfn.client.send(new DeleteStackCommand({ StackName: 'notes-local' }));
  await cfn.client.send(new DeleteStackCommand({ StackName: 'never-was' }));
  // The name is free again, for a new stack with a new id.
  const again = await create();
  assert.is.not(again.StackId, StackId);
});

test('DeleteStack: a resource with DeletionPolicy Retain is DELETE_SKIPPED and stays', async () => {
  const { StackId } = await create('kept', fixture('retained.yaml'));
  await settledStatus(cfn.client, 'kept');
  await cfn.client.send(new DeleteStackCommand({ StackName: 'kept' }));
  assert.is(await settledStatus(cfn.client, StackId!), 'DELETE_COMPLETE');
  const lines = story(await allEvents(cfn.client, StackId!));
  assert.equal(lines.slice(-4), ['Client DELETE_IN_PROGRESS', 'Client DELETE_COMPLETE', 'Pool DELETE_SKIPPED', 'kept DELETE_COMPLETE']);
  const { UserPools } = await cfn.emulator.client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
  assert.equal(UserPools!.map((p) => p.Name), ['kept']);
});

test('ListStacks: lists deleted stacks too, filtered by StackStatusFilter', async () => {
  await create('notes-dev');
  await settledStatus(cfn.client, 'notes-dev');
  const { StackId } = await create();
  await settledStatus(cfn.client, 'notes-local');
  await cfn.client.send(new DeleteStackCommand({ StackName: 'notes-local' }));
  await settledStatus(cfn.client, StackId!);
  const all = (await cfn.client.send(new ListStacksCommand({}))).StackSummaries!;
  assert.equal(all.map((s) => `${s.StackName} ${s.StackStatus}`).sort(), ['notes-dev CREATE_COMPLETE', 'notes-local DELETE_COMPLETE']);
  const deleted = (await cfn.client.send(new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }))).StackSummaries!;
  assert.equal(deleted.map((s) => s.StackId), [StackId]);
  const badToken = await rejection(cfn.client.send(new ListStacksCommand({ NextToken: 'not-a-token' })));
  assert.is(badToken.name, 'ValidationError');
});

test('DescribeStackResource: one resource with its physical ID; a missing one is ValidationError', async () => {
  await create();
  await settledStatus(cfn.client, 'notes-local');
  const { StackResourceDetail } = await cfn.client.send(new DescribeStackResourceCommand({ StackName: 'notes-local', LogicalResourceId: 'Pool' }));
  assert.is(StackResourceDetail!.ResourceType, 'AWS::Cognito::UserPool');
  assert.is(StackResourceDetail!.ResourceStatus, 'CREATE_COMPLETE');
  assert.match(StackResourceDetail!.PhysicalResourceId!, /^us-east-1_/);
  const missing = await rejection(cfn.client.send(new DescribeStackResourceCommand({ StackName: 'notes-local', LogicalResourceId: 'Nope' })));
  assert.equal([missing.name, missing.message], ['ValidationError', 'Resource Nope does not exist for stack notes-local']);
});

test('DescribeStackResources: by stack name or by physical ID; neither is ValidationError', async () => {
  await create();
  await settledStatus(cfn.client, 'notes-local');
  const { StackResources } = await cfn.client.send(new DescribeStackResourcesCommand({ StackName: 'notes-local' }));
  assert.equal(StackResources!.map((r) => r.LogicalResourceId), ['Pool', 'Client']);
  const poolId = StackResources![0]!.PhysicalResourceId!;
  const byPhysical = await cfn.client.send(new DescribeStackResourcesCommand({ PhysicalResourceId: poolId, LogicalResourceId: 'Pool' }));
  assert.equal(byPhysical.StackResources!.map((r) => `${r.StackName} ${r.LogicalResourceId}`), ['notes-local Pool']);
  const neither = await rejection(cfn.client.send(new DescribeStackResourcesCommand({})));
  assert.is(neither.name, 'ValidationError');
});

test('ListStackResources: the summaries; a missing stack is ValidationError', async () => {
  await create();
  await settledStatus(cfn.client, 'notes-local');
  const { StackResourceSummaries } = await cfn.client.send(new ListStackResourcesCommand({ StackName: 'notes-local' }));
  assert.equal(StackResourceSummaries!.map((r) => `${r.LogicalResourceId} ${r.ResourceType} ${r.ResourceStatus}`), [
    'Pool AWS::Cognito::UserPool CREATE_COMPLETE', 'Client AWS::Cognito::UserPoolClient CREATE_COMPLETE',
  ]);
  const missing = await rejection(cfn.client.send(new ListStackResourcesCommand({ StackName: 'nope' })));
  assert.is(missing.message, 'Stack with id nope does not exist');
});

test('GetTemplate: the body as given; a missing stack is ValidationError', async () => {
  await create();
  const { TemplateBody } = await cfn.client.send(new GetTemplateCommand({ StackName: 'notes-local' }));
  assert.is(TemplateBody, fixture('notes.yaml'));
  const missing = await rejection(cfn.client.send(new GetTemplateCommand({ StackName: 'nope' })));
  assert.is(missing.name, 'ValidationError');
});

test('ListExports: the exports of live stacks with the stack that exports them', async () => {
  const { StackId } = await create();
  await settledStatus(cfn.client, 'notes-local');
  const { Exports } = await cfn.client.send(new ListExportsCommand({}));
  assert.equal(Exports!.map((e) => [e.Name, e.ExportingStackId]), [['notes-local-UserPoolId', StackId]]);
  assert.match(Exports![0]!.Value!, /^us-east-1_/);
  const badToken = await rejection(cfn.client.send(new ListExportsCommand({ NextToken: '!!' })));
  assert.is(badToken.name, 'ValidationError');
});

test.run();
