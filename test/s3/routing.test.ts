import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isS3Request } from '../../src/s3/index.js';
import { signed, withS3 } from './client.js';

const s3 = withS3(test, async ({ client }) => {
  await client.send(new CreateBucketCommand({ Bucket: 'routed' }));
  await client.send(new PutObjectCommand({ Bucket: 'routed', Key: 'file.txt', Body: 'routed body' }));
});

const presigned = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=abc';

test('isS3Request: the s3 service in the Authorization scope or a presigned X-Amz-Credential, nothing else', () => {
  assert.ok(isS3Request({ url: '/b/k', headers: signed() }));
  assert.ok(isS3Request({ url: `/b/k?${presigned}`, headers: {} }));
  assert.not.ok(isS3Request({ url: '/b/k', headers: {} }));
  const lambda = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=abc';
  assert.not.ok(isS3Request({ url: '/2015-03-31/functions/f', headers: { authorization: lambda } }));
  assert.not.ok(isS3Request({ url: '/b/k?X-Amz-Credential=test%2F20260101%2Fus-east-1%2Fsts%2Faws4_request', headers: {} }));
});

test('GetObject: a presigned URL reaches the object', async () => {
  const response = await s3.emulator.app.inject({ method: 'GET', url: `/routed/file.txt?${presigned}` });
  assert.is(response.statusCode, 200);
  assert.is(response.body, 'routed body');
});

test('HeadBucket: `/b` and `/b/` are the same bucket; the region comes back in x-amz-bucket-region', async () => {
  for (const url of ['/routed', '/routed/']) {
    const response = await s3.emulator.app.inject({ method: 'HEAD', url, headers: signed() });
    assert.is(response.statusCode, 200);
    assert.is(response.headers['x-amz-bucket-region'], 'us-east-1');
  }
});

test('CreateBucket: without a LocationConstraint the bucket takes the credential scope region', async () => {
  const response = await s3.emulator.app.inject({ method: 'PUT', url: '/scoped-west/', headers: signed('eu-west-3') });
  assert.is(response.statusCode, 200);
  const head = await s3.emulator.app.inject({ method: 'HEAD', url: '/scoped-west', headers: signed() });
  assert.is(head.headers['x-amz-bucket-region'], 'eu-west-3');
});

test('ListBuckets: `GET /` signed for s3 lists buckets, while unsigned `GET /` stays the edge', async () => {
  const response = await s3.emulator.app.inject({ method: 'GET', url: '/', headers: signed() });
  assert.is(response.statusCode, 200);
  assert.match(response.body, /<ListAllMyBucketsResult xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"><Owner>/);
  assert.match(response.body, /<Bucket><Name>routed<\/Name><CreationDate>/);
  const unsigned = await s3.emulator.app.inject({ method: 'GET', url: '/' });
  assert.not.match(unsigned.body, /ListAllMyBucketsResult/);
});

test.run();
