import { CreateStackCommand, ValidateTemplateCommand } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { s3Client } from '../s3/client.js';
import { fixture, rejection, settledStatus, withCloudFormation } from './helpers.js';

const cfn = withCloudFormation(test);

test('ValidateTemplate: parameters, description and the capabilities the template needs, with the reason', async () => {
  const notes = await cfn.client.send(new ValidateTemplateCommand({ TemplateBody: fixture('notes.yaml') }));
  assert.equal(notes.Parameters, [{ ParameterKey: 'Stage', DefaultValue: 'local', NoEcho: false }]);
  assert.is(notes.Description, 'Notes app auth');
  assert.equal(notes.Capabilities, []);
  const role = await cfn.client.send(new ValidateTemplateCommand({ TemplateBody: fixture('iamRole.json') }));
  assert.equal(role.Capabilities, ['CAPABILITY_IAM']);
  assert.is(role.CapabilitiesReason, 'The following resource(s) require capabilities: [AWS::IAM::Role]');
});

test('ValidateTemplate: a malformed template is ValidationError "Template format error: ..."', async () => {
  const noResources = await rejection(cfn.client.send(new ValidateTemplateCommand({ TemplateBody: 'Description: nothing\n' })));
  assert.equal([noResources.name, noResources.message], ['ValidationError', 'Template format error: At least one Resources member must be defined.']);
  const yaml = await rejection(cfn.client.send(new ValidateTemplateCommand({ TemplateBody: 'Resources: [\n' })));
  assert.is(yaml.name, 'ValidationError');
  assert.match(yaml.message, /^Template format error: /);
});

test('ValidateTemplate: TemplateURL reads the local S3; a missing object or a foreign host is ValidationError', async () => {
  const s3 = s3Client(cfn.emulator);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'templates' }));
    await s3.send(new PutObjectCommand({ Bucket: 'templates', Key: 'a:b/notes.yaml', Body: fixture('notes.yaml') }));
  } finally {
    s3.destroy();
  }
  const port = new URL(cfn.emulator.url).port;
  const local = await cfn.client.send(new ValidateTemplateCommand({ TemplateURL: `http://localhost:${port}/templates/a:b/notes.yaml` }));
  assert.is(local.Description, 'Notes app auth');
  const missing = await rejection(cfn.client.send(new ValidateTemplateCommand({ TemplateURL: 'https://s3.amazonaws.com/templates/nope.yaml' })));
  assert.equal([missing.name, missing.message], ['ValidationError', 'TemplateURL must reference a valid S3 object to which you have access.']);
  const foreign = await rejection(cfn.client.send(new ValidateTemplateCommand({ TemplateURL: 'https://example.com/templates/notes.yaml' })));
  assert.equal([foreign.name, foreign.message], ['ValidationError', 'TemplateURL must be an Amazon S3 URL.']);
  const both = await rejection(cfn.client.send(new ValidateTemplateCommand({ TemplateBody: fixture('notes.yaml'), TemplateURL: 'https://s3.amazonaws.com/templates/a:b/notes.yaml' })));
  assert.is(both.name, 'ValidationError');
  // CreateStack reads the same URL forms.
  await cfn.client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateURL: `https://templates.s3.amazonaws.com/a:b/notes.yaml` }));
  assert.is(await settledStatus(cfn.client, 'notes-local'), 'CREATE_COMPLETE');
});

test.run();
