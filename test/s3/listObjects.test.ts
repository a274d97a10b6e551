import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertS3Error, signed, withS3 } from './client.js';

const Bucket = 'listing';
// UTF-8 byte order puts upper case before lower case and 'é' (C3 A9) after every ASCII letter.
const KEYS = ['a.txt', 'B.txt', 'dir/one', 'dir/sub/two', 'dir/sub/three', 'dir2/x', 'é.txt', 'z'];
const s3 = withS3(test, async ({ client }) => {
  await client.send(new CreateBucketCommand({ Bucket }));
  for (const Key of KEYS) await client.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
});

const sorted = [...KEYS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

test('ListObjectsV2: every key in UTF-8 byte order with size, ETag and LastModified', async () => {
  const result = await s3.client.send(new ListObjectsV2Command({ Bucket }));
  assert.equal(result.Contents?.map((o) => o.Key), sorted);
  assert.is(result.KeyCount, KEYS.length);
  assert.is(result.IsTruncated, false);
  const first = result.Contents![0]!;
  assert.is(first.Size, first.Key!.length);
  assert.match(first.ETag!, /^"[0-9a-f]{32}"$/);
  assert.instance(first.LastModified, Date);
});

test('ListObjectsV2: prefix narrows the listing', async () => {
  const result = await s3.client.send(new ListObjectsV2Command({ Bucket, Prefix: 'dir/sub/' }));
  assert.equal(result.Contents?.map((o) => o.Key), ['dir/sub/three', 'dir/sub/two']);
  assert.is(result.Prefix, 'dir/sub/');
});

test('ListObjectsV2: a delimiter rolls keys up into CommonPrefixes', async () => {
  const top = await s3.client.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
  assert.equal(top.CommonPrefixes?.map((p) => p.Prefix), ['dir/', 'dir2/']);
  assert.equal(top.Contents?.map((o) => o.Key), ['B.txt', 'a.txt', 'z', 'é.txt']);
  assert.is(top.KeyCount, 6);
  const dir = await s3.client.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', Prefix: 'dir/' }));
  assert.equal(dir.CommonPrefixes?.map((p) => p.Prefix), ['dir/sub/']);
  assert.equal(dir.Contents?.map((o) => o.Key), ['dir/one']);
});

test('ListObjectsV2: max-keys pages with continuation tokens, common prefixes counting as keys', async () => {
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await s3.client.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', MaxKeys: 2, ContinuationToken: token }));
    assert.ok((page.KeyCount ?? 0) <= 2);
    seen.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!), ...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
    assert.is(page.IsTruncated, token !== undefined);
    pages++;
  } while (token);
  assert.is(pages, 3);
  assert.equal(seen.sort(), ['B.txt', 'a.txt', 'dir/', 'dir2/', 'z', 'é.txt'].sort());
});

test('ListObjectsV2: start-after resumes after a key; past the prefix it lists nothing', async () => {
  const result = await s3.client.send(new ListObjectsV2Command({ Bucket, StartAfter: 'dir/sub/three' }));
  assert.equal(result.Contents?.map((o) => o.Key), ['dir/sub/two', 'dir2/x', 'z', 'é.txt']);
  const past = await s3.client.send(new ListObjectsV2Command({ Bucket, Prefix: 'dir/', StartAfter: 'e' }));
  assert.is(past.Contents, undefined);
  assert.is(past.KeyCount, 0);
});

test('ListObjectsV2: encoding-type=url encodes keys the way the AWS CLI expects', async () => {
  const response = await s3.emulator.app.inject({ method: 'GET', url: `/${Bucket}?list-type=2&prefix=%C3%A9&encoding-type=url`, headers: signed() });
  assert.match(response.body, /<EncodingType>url<\/EncodingType>/);
  assert.match(response.body, /<Key>%C3%A9.txt<\/Key>/);
});

test('ListObjectsV2: bad max-keys or continuation token gives InvalidArgument; a missing bucket NoSuchBucket', async () => {
  const bad = await s3.emulator.app.inject({ method: 'GET', url: `/${Bucket}/?list-type=2&max-keys=abc`, headers: signed() });
  assert.is(bad.statusCode, 400);
  assert.match(bad.body, /<Code>InvalidArgument<\/Code>/);
  await assertS3Error(s3.client.send(new ListObjectsV2Command({ Bucket, ContinuationToken: '!!not-a-token' })), 'InvalidArgument', 400);
  await assertS3Error(s3.client.send(new ListObjectsV2Command({ Bucket: 'no-such-listing' })), 'NoSuchBucket', 404);
});

test('ListObjects: v1 pages with marker; NextMarker only with a delimiter', async () => {
  const first = await s3.client.send(new ListObjectsCommand({ Bucket, MaxKeys: 3 }));
  assert.equal(first.Contents?.map((o) => o.Key), sorted.slice(0, 3));
  assert.is(first.IsTruncated, true);
  assert.is(first.NextMarker, undefined);
  const rest = await s3.client.send(new ListObjectsCommand({ Bucket, Marker: first.Contents![2]!.Key }));
  assert.equal(rest.Contents?.map((o) => o.Key), sorted.slice(3));
  const delimited = await s3.client.send(new ListObjectsCommand({ Bucket, Delimiter: '/', MaxKeys: 3 }));
  assert.equal(delimited.CommonPrefixes?.map((p) => p.Prefix), ['dir/']);
  assert.is(delimited.NextMarker, 'dir/');
  const after = await s3.client.send(new ListObjectsCommand({ Bucket, Delimiter: '/', Marker: delimited.NextMarker }));
  assert.equal(after.CommonPrefixes?.map((p) => p.Prefix), ['dir2/']);
  assert.equal(after.Contents?.map((o) => o.Key), ['z', 'é.txt']);
  await assertS3Error(s3.client.send(new ListObjectsCommand({ Bucket: 'no-such-listing' })), 'NoSuchBucket', 404);
});

test.run();
