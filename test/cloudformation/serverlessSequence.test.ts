import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeStackResourceCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  ValidateTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { s3Client } from '../s3/client.js';
import { allEvents, fixture, rejection, settledChangeSet, settledStatus, story, withCloudFormation } from './helpers.js';

// The calls `serverless deploy` and `serverless remove` make, in their order (../shared/reference/serverless-deploy.md
// §5.1, §5.2, §5.6), with the answers the CLI reads.

const cfn = withCloudFormation(test);
let s3: S3Client;
test.before.each(() => {
  s3 = s3Client(cfn.emulator);
});
test.after.each(() => s3.destroy());

const STACK = 'notes-local';
const CHANGE_SET = `${STACK}-change-set`;
const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'] as const;
const KEY = 'serverless/notes/local/1700000000000-2023-11-14T22:13:20.000Z/compiled-cloudformation-template.json';

/** Rows 3-6: a change set, polled, executed, then the events polled until the root status completes. */
async function deployChangeSet(type: 'CREATE' | 'UPDATE', template: { TemplateBody?: string; TemplateURL?: string }) {
  const { Id, StackId } = await cfn.client.send(new CreateChangeSetCommand({
    StackName: STACK, ChangeSetName: CHANGE_SET, ChangeSetType: type, Capabilities: [...CAPABILITIES],
    Parameters: [], Tags: [{ Key: 'STAGE', Value: 'local' }], ...template,
  }));
  assert.match(Id!, new RegExp(`^arn:aws:cloudformation:us-east-1:000000000000:changeSet/${CHANGE_SET}/`));
  const described = await settledChangeSet(cfn.client, STACK, CHANGE_SET);
  assert.is(described.Status, 'CREATE_COMPLETE');
  assert.is(described.ExecutionStatus, 'AVAILABLE');
  assert.is(described.StackId, StackId);
  await cfn.client.send(new ExecuteChangeSetCommand({ StackName: STACK, ChangeSetName: CHANGE_SET }));
  return { StackId: StackId!, changes: described.Changes! };
}

test('serverless deploy: CREATE change set inline, UPDATE from TemplateURL, no-change FAILED, remove', async () => {
  // Row 2: the first deploy starts with a stack that does not exist.
  const first = await rejection(cfn.client.send(new DescribeStacksCommand({ StackName: STACK })));
  assert.equal([first.name, first.message], ['ValidationError', `Stack with id ${STACK} does not exist`]);

  // Row 3: the stack exists in REVIEW_IN_PROGRESS as soon as the CREATE change set is made.
  const created = await deployChangeSet('CREATE', { TemplateBody: fixture('serverlessCore.json') });
  assert.equal(created.changes.map((c) => `${c.ResourceChange!.Action} ${c.ResourceChange!.LogicalResourceId}`),
    ['Add ServerlessDeploymentBucket', 'Add ServerlessDeploymentBucketPolicy']);
  assert.is(await settledStatus(cfn.client, created.StackId), 'CREATE_COMPLETE');
  const firstStory = story(await allEvents(cfn.client, created.StackId));
  assert.equal([firstStory[0], firstStory[1], firstStory.at(-1)], [`${STACK} REVIEW_IN_PROGRESS`, `${STACK} CREATE_IN_PROGRESS`, `${STACK} CREATE_COMPLETE`]);

  // Row 7: the deployment bucket, then the uploads (rows 11-13).
  const { StackResourceDetail } = await cfn.client.send(new DescribeStackResourceCommand({ StackName: STACK, LogicalResourceId: 'ServerlessDeploymentBucket' }));
  const bucket = StackResourceDetail!.PhysicalResourceId!;
  assert.match(bucket, /^notes-local-serverlessdeploymentbucket-[a-z0-9]{12}$/);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: KEY, Body: fixture('serverlessUpdate.json'), ContentType: 'application/json' }));

  // osls 4 validates the uploaded template by its https://s3.amazonaws.com URL (§5.8).
  const validated = await cfn.client.send(new ValidateTemplateCommand({ TemplateURL: `https://s3.amazonaws.com/${bucket}/${KEY}` }));
  assert.equal(validated.Capabilities, ['CAPABILITY_NAMED_IAM']);

  // Rows 14-18: the executed change set removed (twice: a missing one is no error), then the UPDATE by TemplateURL.
  await cfn.client.send(new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: CHANGE_SET }));
  await cfn.client.send(new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: CHANGE_SET }));
  const port = new URL(cfn.emulator.url).port;
  const updated = await deployChangeSet('UPDATE', { TemplateURL: `http://127.0.0.1:${port}/${bucket}/${KEY}` });
  assert.equal(updated.changes.map((c) => `${c.ResourceChange!.Action} ${c.ResourceChange!.LogicalResourceId}`),
    ['Add CognitoUserPool', 'Add IamRoleLambdaExecution', 'Add CognitoUserPoolClient']);
  assert.is(await settledStatus(cfn.client, STACK), 'UPDATE_COMPLETE');
  const updateStory = story(await allEvents(cfn.client, STACK));
  assert.equal(updateStory.slice(-2), [`${STACK} UPDATE_COMPLETE_CLEANUP_IN_PROGRESS`, `${STACK} UPDATE_COMPLETE`]);

  // Rows 19-20: `sls info`.
  const { Stacks } = await cfn.client.send(new DescribeStacksCommand({ StackName: STACK }));
  const outputs = Object.fromEntries(Stacks![0]!.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
  assert.is(outputs.ServerlessDeploymentBucketName, bucket);
  const { StackResourceSummaries } = await cfn.client.send(new ListStackResourcesCommand({ StackName: STACK }));
  assert.is(StackResourceSummaries!.length, 5);
  // The pool the stack made works through the Cognito API.
  await cfn.emulator.client.send(new SignUpCommand({ ClientId: outputs.UserPoolClientId!, Username: 'ann@example.com', Password: 'Passw0rd!x' }));

  // A deploy that changes nothing: the change set FAILED with AWS's reason, not executable.
  await cfn.client.send(new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: CHANGE_SET }));
  await cfn.client.send(new CreateChangeSetCommand({
    StackName: STACK, ChangeSetName: CHANGE_SET, ChangeSetType: 'UPDATE', Capabilities: [...CAPABILITIES],
    TemplateURL: `https://${bucket}.s3.us-east-1.amazonaws.com/${KEY}`,
  }));
  const unchanged = await settledChangeSet(cfn.client, STACK, CHANGE_SET);
  assert.equal([unchanged.Status, unchanged.ExecutionStatus, unchanged.StatusReason],
    ['FAILED', 'UNAVAILABLE', "The submitted information didn't contain changes. Submit different information to create a change set."]);
  const refused = await rejection(cfn.client.send(new ExecuteChangeSetCommand({ StackName: STACK, ChangeSetName: CHANGE_SET })));
  assert.is(refused.name, 'InvalidChangeSetStatusException');

  // §5.6 `sls remove`: objects deleted, DeleteStack, events by name until "does not exist".
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: KEY }));
  await cfn.client.send(new DeleteStackCommand({ StackName: STACK }));
  assert.is(await settledStatus(cfn.client, created.StackId), 'DELETE_COMPLETE');
  const byName = await rejection(allEvents(cfn.client, STACK));
  assert.equal([byName.name, byName.message], ['ValidationError', `Stack with id ${STACK} does not exist`]);
});

test.run();
