import {
  CreateBucketCommand, DeleteBucketCommand, DeleteBucketPolicyCommand, GetBucketEncryptionCommand, GetBucketLocationCommand,
  GetBucketPolicyCommand, HeadBucketCommand, ListBucketsCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand,
  PutBucketTaggingCommand, PutObjectCommand,
} from '@aws-sdk/client-s3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertS3Error, signed, withS3 } from './client.js';

const s3 = withS3(test);

test('CreateBucket: creates a bucket that HeadBucket and ListBuckets then see', async () => {
  await s3.client.send(new CreateBucketCommand({ Bucket: 'first-bucket' }));
  const head = await s3.client.send(new HeadBucketCommand({ Bucket: 'first-bucket' }));
  assert.is(head.BucketRegion, 'us-east-1');
  const { Buckets } = await s3.client.send(new ListBucketsCommand({}));
  const listed = Buckets?.find((b) => b.Name === 'first-bucket');
  assert.ok(listed);
  assert.instance(listed.CreationDate, Date);
});

test('CreateBucket: an existing bucket gives BucketAlreadyOwnedByYou 409', async () => {
  await s3.client.send(new CreateBucketCommand({ Bucket: 'twice-created' }));
  await assertS3Error(s3.client.send(new CreateBucketCommand({ Bucket: 'twice-created' })), 'BucketAlreadyOwnedByYou', 409);
});

test('CreateBucket: names that break the naming rules give InvalidBucketName', async () => {
  for (const name of ['ab', 'Upper-Case', 'has_underscore', '-leading', 'trailing-', 'two..dots', '192.168.1.1', 'xn--punycode', 'x'.repeat(64), 'name-s3alias']) {
    await assertS3Error(s3.client.send(new CreateBucketCommand({ Bucket: name })), 'InvalidBucketName', 400);
  }
  await s3.client.send(new CreateBucketCommand({ Bucket: `a.b-c${'d'.repeat(58)}` }));
});

test('CreateBucket: a LocationConstraint sets the region GetBucketLocation answers; us-east-1 answers none', async () => {
  await s3.client.send(new CreateBucketCommand({ Bucket: 'in-ireland', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  assert.is((await s3.client.send(new GetBucketLocationCommand({ Bucket: 'in-ireland' }))).LocationConstraint, 'eu-west-1');
  await s3.client.send(new CreateBucketCommand({ Bucket: 'in-virginia' }));
  assert.is((await s3.client.send(new GetBucketLocationCommand({ Bucket: 'in-virginia' }))).LocationConstraint, undefined);
  const raw = await s3.emulator.app.inject({ method: 'GET', url: '/in-virginia?location', headers: signed() });
  assert.match(raw.body, /<LocationConstraint xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"(\/>|><\/LocationConstraint>)/);
});

test('CreateBucket: naming us-east-1 as LocationConstraint gives InvalidLocationConstraint', async () => {
  await assertS3Error(
    s3.client.send(new CreateBucketCommand({ Bucket: 'explicit-east', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as 'EU' } })),
    'InvalidLocationConstraint',
    400,
  );
});

test('CreateBucket: a malformed configuration body gives MalformedXML', async () => {
  const response = await s3.emulator.app.inject({ method: 'PUT', url: '/bad-config', headers: signed(), payload: '<CreateBucketConfiguration><Loc' });
  assert.is(response.statusCode, 400);
  assert.match(response.body, /<Code>MalformedXML<\/Code>/);
});

test('HeadBucket: a missing bucket is a 404 without a body', async () => {
  await assertS3Error(s3.client.send(new HeadBucketCommand({ Bucket: 'never-made' })), 'NotFound', 404);
  const response = await s3.emulator.app.inject({ method: 'HEAD', url: '/never-made/', headers: signed() });
  assert.is(response.statusCode, 404);
  assert.is(response.body, '');
});

test('GetBucketLocation: a missing bucket gives NoSuchBucket with its name', async () => {
  const response = await s3.emulator.app.inject({ method: 'GET', url: '/never-made?location', headers: signed() });
  assert.is(response.statusCode, 404);
  assert.match(response.body, /<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>never-made<\/BucketName><RequestId>/);
});

test('DeleteBucket: an empty bucket goes; one with objects gives BucketNotEmpty 409', async () => {
  await s3.client.send(new CreateBucketCommand({ Bucket: 'soon-gone' }));
  await s3.client.send(new PutObjectCommand({ Bucket: 'soon-gone', Key: 'file.txt', Body: 'x' }));
  await assertS3Error(s3.client.send(new DeleteBucketCommand({ Bucket: 'soon-gone' })), 'BucketNotEmpty', 409);
  await s3.emulator.s3.getObject('soon-gone', 'file.txt');
  await s3.emulator.app.inject({ method: 'DELETE', url: '/soon-gone/file.txt', headers: signed() });
  await s3.client.send(new DeleteBucketCommand({ Bucket: 'soon-gone' }));
  await assertS3Error(s3.client.send(new HeadBucketCommand({ Bucket: 'soon-gone' })), 'NotFound', 404);
  await assertS3Error(s3.client.send(new DeleteBucketCommand({ Bucket: 'soon-gone' })), 'NoSuchBucket', 404);
});

test('PutBucketPolicy: accepted and answered back by GetBucketPolicy, not enforced', async () => {
  await s3.client.send(new CreateBucketCommand({ Bucket: 'with-policy' }));
  await assertS3Error(s3.client.send(new GetBucketPolicyCommand({ Bucket: 'with-policy' })), 'NoSuchBucketPolicy', 404);
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }] });
  await s3.client.send(new PutBucketPolicyCommand({ Bucket: 'with-policy', Policy: policy }));
  assert.is((await s3.client.send(new GetBucketPolicyCommand({ Bucket: 'with-policy' }))).Policy, policy);
  await s3.client.send(new PutObjectCommand({ Bucket: 'with-policy', Key: 'still-allowed', Body: 'ok' }));
  await s3.client.send(new DeleteBucketPolicyCommand({ Bucket: 'with-policy' }));
  await assertS3Error(s3.client.send(new GetBucketPolicyCommand({ Bucket: 'with-policy' })), 'NoSuchBucketPolicy', 404);
  await assertS3Error(s3.client.send(new PutBucketPolicyCommand({ Bucket: 'no-such-bucket', Policy: policy })), 'NoSuchBucket', 404);
});

test('PutBucketEncryption: accepted; GetBucketEncryption answers the default SSE-S3 before and the stored rule after', async () => {
  await s3.client.send(new CreateBucketCommand({ Bucket: 'encrypted' }));
  const before = await s3.client.send(new GetBucketEncryptionCommand({ Bucket: 'encrypted' }));
  assert.is(before.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm, 'AES256');
  await s3.client.send(new PutBucketEncryptionCommand({
    Bucket: 'encrypted',
    ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
  }));
  const after = await s3.client.send(new GetBucketEncryptionCommand({ Bucket: 'encrypted' }));
  assert.is(after.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm, 'aws:kms');
});

test('PutBucketTagging: accepted on a bucket, NoSuchBucket without one', async () => {
  await s3.client.send(new CreateBucketCommand({ Bucket: 'tagged' }));
  await s3.client.send(new PutBucketTaggingCommand({ Bucket: 'tagged', Tagging: { TagSet: [{ Key: 'STAGE', Value: 'local' }] } }));
  await assertS3Error(s3.client.send(new PutBucketTaggingCommand({ Bucket: 'untagged-missing', Tagging: { TagSet: [] } })), 'NoSuchBucket', 404);
});

test('ListBuckets: a request that is not signed for s3 never reaches S3', async () => {
  const response = await s3.emulator.app.inject({ method: 'GET', url: '/first-bucket' });
  assert.is.not(response.statusCode, 200);
});

test('S3: an unsupported method on a bucket gives MethodNotAllowed 405', async () => {
  const response = await s3.emulator.app.inject({ method: 'POST', url: '/first-bucket', headers: signed() });
  assert.is(response.statusCode, 405);
  assert.match(response.body, /<Code>MethodNotAllowed<\/Code>/);
});

test.run();
