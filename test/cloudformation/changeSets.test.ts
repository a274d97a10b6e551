import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, rejection, settledChangeSet, settledStatus, withCloudFormation } from './helpers.js';

const cfn = withCloudFormation(test);

const changeSet = (name: string, type: 'CREATE' | 'UPDATE', body: string, stack = 'notes-local') =>
  cfn.client.send(new CreateChangeSetCommand({ StackName: stack, ChangeSetName: name, ChangeSetType: type, TemplateBody: body, Description: `${name} it is` }));

test('CreateChangeSet: CREATE makes the stack in REVIEW_IN_PROGRESS, with no resources until executed', async () => {
  const { StackId } = await changeSet('first', 'CREATE', fixture('notes.yaml'));
  const stack = (await cfn.client.send(new DescribeStacksCommand({ StackName: 'notes-local' }))).Stacks![0]!;
  assert.equal([stack.StackId, stack.StackStatus], [StackId, 'REVIEW_IN_PROGRESS']);
  const described = await settledChangeSet(cfn.client, 'notes-local', 'first');
  assert.equal([described.Status, described.ExecutionStatus, described.Description], ['CREATE_COMPLETE', 'AVAILABLE', 'first it is']);
  assert.equal(described.Parameters, [{ ParameterKey: 'Stage', ParameterValue: 'local' }]);
  assert.equal(described.Changes!.map((c) => c.ResourceChange!.Action), ['Add', 'Add']);
});

test('CreateChangeSet: refuses what AWS refuses', async () => {
  const missing = await rejection(changeSet('first', 'UPDATE', fixture('notes.yaml')));
  assert.equal([missing.name, missing.message], ['ValidationError', 'Stack [notes-local] does not exist']);
  const badName = await rejection(changeSet('no_underscores', 'CREATE', fixture('notes.yaml')));
  assert.match(badName.message, /at 'changeSetName' failed to satisfy constraint/);
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
  await settledStatus(cfn.client, 'notes-local');
  const exists = await rejection(changeSet('first', 'CREATE', fixture('notes.yaml')));
  assert.equal([exists.name, exists.message], ['AlreadyExistsException', 'Stack [notes-local] already exists and cannot be created again with the changeSet [first].']);
  await changeSet('second', 'UPDATE', fixture('notesWithGroup.yaml'));
  const twice = await rejection(changeSet('second', 'UPDATE', fixture('notesWithGroup.yaml')));
  assert.is(twice.name, 'AlreadyExistsException');
});

test('DescribeChangeSet: Modify and Add with Replacement, by name or by ARN; a missing one is ChangeSetNotFound (404)', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
  await settledStatus(cfn.client, 'notes-local');
  const { Id } = await changeSet('grow', 'UPDATE', fixture('notesWithGroup.yaml'));
  const described = await settledChangeSet(cfn.client, 'notes-local', 'grow');
  assert.equal(described.Changes!.map((c) => {
    const r = c.ResourceChange!;
    return `${r.Action} ${r.LogicalResourceId} ${r.ResourceType} ${r.Replacement ?? '-'}`;
  }), ['Modify Client AWS::Cognito::UserPoolClient False', 'Add Admins AWS::Cognito::UserPoolGroup -']);
  const byArn = await cfn.client.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
  assert.is(byArn.ChangeSetName, 'grow');
  const missing = await rejection(cfn.client.send(new DescribeChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'nope' })));
  assert.equal([missing.name, missing.message, missing.status], ['ChangeSetNotFoundException', 'ChangeSet [nope] does not exist', 404]);
});

test('ExecuteChangeSet: applies it, marks it EXECUTE_COMPLETE and deletes the stack\'s other change sets', async () => {
  await changeSet('first', 'CREATE', fixture('notes.yaml'));
  await changeSet('other', 'CREATE', fixture('notes.yaml'));
  await settledChangeSet(cfn.client, 'notes-local', 'first');
  await settledChangeSet(cfn.client, 'notes-local', 'other');
  await cfn.client.send(new ExecuteChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'first' }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'CREATE_COMPLETE');
  const { Summaries } = await cfn.client.send(new ListChangeSetsCommand({ StackName: 'notes-local' }));
  assert.equal(Summaries!.map((s) => `${s.ChangeSetName} ${s.ExecutionStatus}`), ['first EXECUTE_COMPLETE']);
  const again = await rejection(cfn.client.send(new ExecuteChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'first' })));
  assert.equal([again.name, again.status], ['InvalidChangeSetStatusException', 400]);
  const missing = await rejection(cfn.client.send(new ExecuteChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'other' })));
  assert.is(missing.name, 'ChangeSetNotFoundException');
});

test('DeleteChangeSet: deletes it; a missing change set or stack answers 200', async () => {
  await changeSet('first', 'CREATE', fixture('notes.yaml'));
  await settledChangeSet(cfn.client, 'notes-local', 'first');
  await cfn.client.send(new DeleteChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'first' }));
  await cfn.client.send(new DeleteChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'first' }));
  await cfn.client.send(new DeleteChangeSetCommand({ StackName: 'never-was', ChangeSetName: 'first' }));
  const gone = await rejection(cfn.client.send(new DescribeChangeSetCommand({ StackName: 'notes-local', ChangeSetName: 'first' })));
  assert.is(gone.name, 'ChangeSetNotFoundException');
  const noName = await rejection(cfn.client.send(new DeleteChangeSetCommand({ StackName: 'notes-local', ChangeSetName: '' })));
  assert.is(noName.name, 'ValidationError');
});

test('ListChangeSets: the stack\'s change sets; a missing stack is ValidationError', async () => {
  await changeSet('a', 'CREATE', fixture('notes.yaml'));
  await changeSet('b', 'CREATE', fixture('notes.yaml'));
  const { Summaries } = await cfn.client.send(new ListChangeSetsCommand({ StackName: 'notes-local' }));
  assert.equal(Summaries!.map((s) => s.ChangeSetName), ['a', 'b']);
  const missing = await rejection(cfn.client.send(new ListChangeSetsCommand({ StackName: 'nope' })));
  assert.is(missing.message, 'Stack with id nope does not exist');
});

test('GetTemplate: a change set\'s template; a missing change set is ChangeSetNotFound', async () => {
  await changeSet('a', 'CREATE', fixture('notesWithGroup.yaml'));
  const { TemplateBody } = await cfn.client.send(new GetTemplateCommand({ StackName: 'notes-local', ChangeSetName: 'a' }));
  assert.is(TemplateBody, fixture('notesWithGroup.yaml'));
  const missing = await rejection(cfn.client.send(new GetTemplateCommand({ StackName: 'notes-local', ChangeSetName: 'b' })));
  assert.is(missing.name, 'ChangeSetNotFoundException');
});

test.run();
