import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  GetTemplateSummaryCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, fixture, rejection, settledStatus, story, withCloudFormation } from './helpers.js';

const cfn = withCloudFormation(test);

/** A pool with `n` groups: 3n + 5 events for its creation. */
const manyGroups = (n: number) => JSON.stringify({
  Resources: {
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'many' } },
    ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`Group${i}`, { Type: 'AWS::Cognito::UserPoolGroup', Properties: { UserPoolId: { Ref: 'Pool' }, GroupName: `g${i}` } }])),
  },
});

test('DescribeStackEvents: pages with NextToken, newest first across pages, every EventId unique; a bad token is ValidationError', async () => {
  await cfn.client.send(new CreateStackCommand({ StackName: 'many', TemplateBody: manyGroups(40), ClientRequestToken: 'deploy-1' }));
  await settledStatus(cfn.client, 'many');
  const first = await cfn.client.send(new DescribeStackEventsCommand({ StackName: 'many' }));
  assert.is(first.StackEvents!.length, 100);
  assert.ok(first.NextToken);
  const events = await allEvents(cfn.client, 'many');
  assert.is(events.length, 3 * 40 + 5);
  assert.is(new Set(events.map((e) => e.EventId)).size, events.length);
  const times = events.map((e) => e.Timestamp!.getTime());
  assert.equal(times, [...times].sort((a, b) => b - a));
  assert.is(events[0]!.ResourceStatus, 'CREATE_COMPLETE');
  assert.is(events[0]!.LogicalResourceId, 'many');
  assert.ok(events.every((e) => e.ClientRequestToken === 'deploy-1'));
  const bad = await rejection(cfn.client.send(new DescribeStackEventsCommand({ StackName: 'many', NextToken: '' + '%%%' })));
  assert.is(bad.name, 'ValidationError');
  const missing = await rejection(cfn.client.send(new DescribeStackEventsCommand({ StackName: 'nope' })));
  assert.is(missing.message, 'Stack with id nope does not exist');
});

test('UpdateStack: refused while the stack is being created or only under review', async () => {
  const reviewed = await cfn.client.send(new CreateChangeSetCommand({ StackName: 'review', ChangeSetName: 'first', ChangeSetType: 'CREATE', TemplateBody: fixture('notes.yaml') }));
  const review = await rejection(cfn.client.send(new UpdateStackCommand({ StackName: 'review', TemplateBody: fixture('notes.yaml') })));
  assert.match(review.message, /^Stack:arn:aws:cloudformation:us-east-1:000000000000:stack\/review\/.* is in REVIEW_IN_PROGRESS state and can not be updated\.$/);
  // The templates' queue held, so that the create is certainly still running when the update comes.
  let release = () => {};
  void cfn.emulator.templates.stackJob(() => new Promise<void>((resolve) => (release = resolve)));
  const { StackId } = await cfn.client.send(new CreateStackCommand({ StackName: 'busy', TemplateBody: manyGroups(10) }));
  const busy = await rejection(cfn.client.send(new UpdateStackCommand({ StackName: 'busy', TemplateBody: fixture('notes.yaml') })));
  release();
  assert.is(busy.message, `Stack:${StackId} is in CREATE_IN_PROGRESS state and can not be updated.`);
  // A stack left in REVIEW_IN_PROGRESS (a first deploy that died) can be deleted.
  await cfn.client.send(new DeleteStackCommand({ StackName: 'review' }));
  assert.is(await settledStatus(cfn.client, reviewed.StackId!), 'DELETE_COMPLETE');
  const gone = await rejection(allEvents(cfn.client, 'review'));
  assert.is(gone.message, 'Stack with id review does not exist');
});

test('DeleteStack: during a create, waits for it and then deletes (DELETE_COMPLETE)', async () => {
  let release = () => {};
  void cfn.emulator.templates.stackJob(() => new Promise<void>((resolve) => (release = resolve)));
  const { StackId } = await cfn.client.send(new CreateStackCommand({ StackName: 'busy', TemplateBody: manyGroups(10) }));
  await cfn.client.send(new DeleteStackCommand({ StackName: 'busy' }));
  release();
  assert.is(await settledStatus(cfn.client, StackId!), 'DELETE_COMPLETE');
  const lines = story(await allEvents(cfn.client, StackId!));
  assert.equal([lines.indexOf('busy CREATE_COMPLETE') < lines.indexOf('busy DELETE_IN_PROGRESS'), lines.at(-1)], [true, 'busy DELETE_COMPLETE']);
});

test('GetTemplateSummary: parameters with types and allowed values, resource types; from a body or a stack', async () => {
  const summary = await cfn.client.send(new GetTemplateSummaryCommand({ TemplateBody: fixture('notes.yaml') }));
  assert.equal(summary.Parameters, [{ ParameterKey: 'Stage', DefaultValue: 'local', ParameterType: 'String', NoEcho: false, ParameterConstraints: { AllowedValues: ['local', 'dev'] } }]);
  assert.equal(summary.ResourceTypes, ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient']);
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notesWithGroup.yaml') }));
  const ofStack = await cfn.client.send(new GetTemplateSummaryCommand({ StackName: 'notes-local' }));
  assert.is(ofStack.ResourceTypes!.length, 3);
  const missing = await rejection(cfn.client.send(new GetTemplateSummaryCommand({ StackName: 'nope' })));
  assert.is(missing.message, 'Stack with id nope does not exist');
  const malformed = await rejection(cfn.client.send(new GetTemplateSummaryCommand({ TemplateBody: '{}' })));
  assert.is(malformed.message, 'Template format error: At least one Resources member must be defined.');
});

test.run();
