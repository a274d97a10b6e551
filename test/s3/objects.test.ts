import {
  GetObjectTaggingCommand, ListObjectsV2Command, PutObjectTaggingCommand, CopyObjectCommand, CreateBucketCommand, DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertS3Error, signed, withS3 } from './client.js';

const Bucket = 'objects';
const s3 = withS3(test, async ({ client }) => {
  await client.send(new CreateBucketCommand({ Bucket }));
});

const md5 = (text: string | Buffer) => createHash('md5').update(text).digest();

test('PutObject: the body, Content-Type, ETag and user metadata come back on GetObject and HeadObject', async () => {
  const body = JSON.stringify({ compiled: true });
  const sha = createHash('sha256').update(body).digest('base64');
  const put = await s3.client.send(new PutObjectCommand({ Bucket, Key: 'serverless/app/local/1-2026/state.json', Body: body, ContentType: 'application/json', Metadata: { filesha256: sha } }));
  assert.is(put.ETag, `"${md5(body).toString('hex')}"`);
  const got = await s3.client.send(new GetObjectCommand({ Bucket, Key: 'serverless/app/local/1-2026/state.json' }));
  assert.is(await got.Body!.transformToString(), body);
  assert.is(got.ContentType, 'application/json');
  assert.is(got.ETag, put.ETag);
  assert.equal(got.Metadata, { filesha256: sha });
  const head = await s3.client.send(new HeadObjectCommand({ Bucket, Key: 'serverless/app/local/1-2026/state.json' }));
  assert.is(head.ContentLength, body.length);
  assert.equal(head.Metadata, { filesha256: sha });
  assert.instance(head.LastModified, Date);
  assert.ok(Math.abs(head.LastModified!.getTime() - Date.now()) < 5000);
  assert.is(head.LastModified!.getMilliseconds(), 0);
});

test('PutObject: without Content-Type the object is binary/octet-stream; a second put replaces the body', async () => {
  await s3.emulator.app.inject({ method: 'PUT', url: '/objects/plain', headers: signed(), payload: 'one' });
  await s3.emulator.app.inject({ method: 'PUT', url: '/objects/plain', headers: signed(), payload: 'two!' });
  const got = await s3.client.send(new GetObjectCommand({ Bucket, Key: 'plain' }));
  assert.is(got.ContentType, 'binary/octet-stream');
  assert.is(await got.Body!.transformToString(), 'two!');
});

test('PutObject: keys with spaces, colons, slashes and non-ASCII are kept as sent', async () => {
  for (const Key of ['with space/and:colon.txt', 'deep/a/b/c//d', 'ünï cödé ✓', 'plus+sign']) {
    await s3.client.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
    assert.is(await (await s3.client.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToString(), Key);
  }
});

test('PutObject: query noise such as ?x-id=PutObject is ignored, path-style with the bucket alone works too', async () => {
  const put = await s3.emulator.app.inject({ method: 'PUT', url: '/objects/noisy.txt?x-id=PutObject', headers: signed(), payload: 'noise' });
  assert.is(put.statusCode, 200);
  const got = await s3.emulator.app.inject({ method: 'GET', url: '/objects/noisy.txt?x-id=GetObject', headers: signed() });
  assert.is(got.body, 'noise');
});

test('PutObject: a Content-MD5 that does not match gives BadDigest and stores nothing', async () => {
  await assertS3Error(s3.client.send(new PutObjectCommand({ Bucket, Key: 'md5-checked', Body: 'actual', ContentMD5: md5('other').toString('base64') })), 'BadDigest', 400);
  await assertS3Error(s3.client.send(new HeadObjectCommand({ Bucket, Key: 'md5-checked' })), 'NotFound', 404);
  const bad = await s3.emulator.app.inject({ method: 'PUT', url: '/objects/md5-checked', headers: { ...signed(), 'content-md5': 'nope' }, payload: 'x' });
  assert.match(bad.body, /<Code>InvalidDigest<\/Code>/);
  await s3.client.send(new PutObjectCommand({ Bucket, Key: 'md5-checked', Body: 'actual', ContentMD5: md5('actual').toString('base64') }));
});

test('PutObject: x-amz-checksum-crc32 is accepted and echoed; a wrong one gives BadDigest', async () => {
  const put = await s3.client.send(new PutObjectCommand({ Bucket, Key: 'crc', Body: 'hello', ChecksumAlgorithm: 'CRC32' }));
  assert.is(put.ChecksumCRC32, 'NhCmhg==');
  const bad = await s3.emulator.app.inject({ method: 'PUT', url: '/objects/crc', headers: { ...signed(), 'x-amz-checksum-crc32': 'AAAAAA==' }, payload: 'hello' });
  assert.is(bad.statusCode, 400);
  assert.match(bad.body, /<Code>BadDigest<\/Code><Message>The CRC32 you specified did not match the calculated checksum.<\/Message>/);
});

test('PutObject: a missing bucket gives NoSuchBucket', async () => {
  await assertS3Error(s3.client.send(new PutObjectCommand({ Bucket: 'nowhere', Key: 'k', Body: 'x' })), 'NoSuchBucket', 404);
});

test('GetObject: a Range answers 206 with the bytes asked for; an unsatisfiable one InvalidRange 416', async () => {
  await s3.client.send(new PutObjectCommand({ Bucket, Key: 'digits', Body: '0123456789' }));
  const middle = await s3.client.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=2-5' }));
  assert.is(await middle.Body!.transformToString(), '2345');
  assert.is(middle.ContentRange, 'bytes 2-5/10');
  assert.is(await (await s3.client.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=-3' }))).Body!.transformToString(), '789');
  assert.is(await (await s3.client.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=7-' }))).Body!.transformToString(), '789');
  await assertS3Error(s3.client.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=20-30' })), 'InvalidRange', 416);
});

test('GetObject: a missing key gives NoSuchKey with the key; HeadObject a bodiless 404', async () => {
  await assertS3Error(s3.client.send(new GetObjectCommand({ Bucket, Key: 'missing/key' })), 'NoSuchKey', 404);
  const raw = await s3.emulator.app.inject({ method: 'GET', url: '/objects/missing/key', headers: signed() });
  assert.match(raw.body, /<Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>missing\/key<\/Key>/);
  const head = await s3.emulator.app.inject({ method: 'HEAD', url: '/objects/missing/key', headers: signed() });
  assert.is(head.statusCode, 404);
  assert.is(head.body, '');
});

test('DeleteObject: removes the object; a missing key is still 204', async () => {
  await s3.client.send(new PutObjectCommand({ Bucket, Key: 'to-delete', Body: 'x' }));
  const deleted = await s3.emulator.app.inject({ method: 'DELETE', url: '/objects/to-delete', headers: signed() });
  assert.is(deleted.statusCode, 204);
  await assertS3Error(s3.client.send(new GetObjectCommand({ Bucket, Key: 'to-delete' })), 'NoSuchKey');
  await s3.client.send(new DeleteObjectCommand({ Bucket, Key: 'to-delete' }));
  await assertS3Error(s3.client.send(new DeleteObjectCommand({ Bucket: 'nowhere', Key: 'k' })), 'NoSuchBucket', 404);
});

test('DeleteObjects: reports every key Deleted, existing or not; Quiet reports none', async () => {
  for (const Key of ['batch/a', 'batch/b', 'batch/c']) await s3.client.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
  const result = await s3.client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'batch/a' }, { Key: 'batch/b' }, { Key: 'batch/never' }] } }));
  assert.equal(result.Deleted?.map((d) => d.Key), ['batch/a', 'batch/b', 'batch/never']);
  assert.is(result.Errors, undefined);
  const quiet = await s3.client.send(new DeleteObjectsCommand({ Bucket, Delete: { Quiet: true, Objects: [{ Key: 'batch/c' }] } }));
  assert.is(quiet.Deleted, undefined);
  await assertS3Error(s3.client.send(new GetObjectCommand({ Bucket, Key: 'batch/c' })), 'NoSuchKey');
});

test('DeleteObjects: an empty or malformed Delete document gives MalformedXML', async () => {
  for (const payload of ['<Delete></Delete>', '<Delete><Object><Key>a</Key></Obj', '']) {
    const response = await s3.emulator.app.inject({ method: 'POST', url: '/objects/?delete', headers: signed(), payload });
    assert.is(response.statusCode, 400);
    assert.match(response.body, /<Code>MalformedXML<\/Code>/);
  }
});

test('CopyObject: copies body and metadata, or replaces the metadata with REPLACE', async () => {
  await s3.client.send(new PutObjectCommand({ Bucket, Key: 'original', Body: 'copied body', ContentType: 'text/plain', Metadata: { a: '1' } }));
  const copy = await s3.client.send(new CopyObjectCommand({ Bucket, Key: 'copy', CopySource: `${Bucket}/original` }));
  assert.is(copy.CopyObjectResult?.ETag, `"${md5('copied body').toString('hex')}"`);
  const got = await s3.client.send(new GetObjectCommand({ Bucket, Key: 'copy' }));
  assert.is(await got.Body!.transformToString(), 'copied body');
  assert.equal(got.Metadata, { a: '1' });
  assert.is(got.ContentType, 'text/plain');
  await s3.client.send(new CopyObjectCommand({ Bucket, Key: 'original', CopySource: `${Bucket}/original`, MetadataDirective: 'REPLACE', Metadata: { b: '2' } }));
  assert.equal((await s3.client.send(new HeadObjectCommand({ Bucket, Key: 'original' }))).Metadata, { b: '2' });
});

test('CopyObject: onto itself without REPLACE gives InvalidRequest; a missing source NoSuchKey', async () => {
  await assertS3Error(s3.client.send(new CopyObjectCommand({ Bucket, Key: 'copy', CopySource: `${Bucket}/copy` })), 'InvalidRequest', 400);
  await assertS3Error(s3.client.send(new CopyObjectCommand({ Bucket, Key: 'x', CopySource: `${Bucket}/nothing-here` })), 'NoSuchKey', 404);
});

test('getObject: the LocalS3 method reads what PutObject stored, undefined when absent', async () => {
  await s3.client.send(new PutObjectCommand({ Bucket, Key: 'template.json', Body: '{"Resources":{}}', Metadata: { filesha256: 'abc=' } }));
  const object = await s3.emulator.s3.getObject(Bucket, 'template.json');
  assert.is(object?.body.toString(), '{"Resources":{}}');
  assert.equal(object?.metadata, { filesha256: 'abc=' });
  assert.is(await s3.emulator.s3.getObject(Bucket, 'absent'), undefined);
  assert.is(await s3.emulator.s3.getObject('no-bucket', 'absent'), undefined);
});

test('PutObjectTagging: accepted without touching the object; GetObjectTagging answers no tags; a missing key NoSuchKey', async () => {
  await s3.client.send(new PutObjectCommand({ Bucket, Key: 'tagged', Body: 'keep me' }));
  await s3.client.send(new PutObjectTaggingCommand({ Bucket, Key: 'tagged', Tagging: { TagSet: [{ Key: 'a', Value: 'b' }] } }));
  assert.is(await (await s3.client.send(new GetObjectCommand({ Bucket, Key: 'tagged' }))).Body!.transformToString(), 'keep me');
  assert.equal((await s3.client.send(new GetObjectTaggingCommand({ Bucket, Key: 'tagged' }))).TagSet, []);
  await assertS3Error(s3.client.send(new PutObjectTaggingCommand({ Bucket, Key: 'untagged', Tagging: { TagSet: [] } })), 'NoSuchKey', 404);
});

test('ListObjectsV2: keys with XML special characters are escaped in the listing and come back intact', async () => {
  const Key = `xml/a&b<c>"d'e`;
  await s3.client.send(new PutObjectCommand({ Bucket, Key, Body: 'x' }));
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket, Prefix: 'xml/' }));
  assert.equal(listed.Contents?.map((o) => o.Key), [Key]);
  const deleted = await s3.client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key }] } }));
  assert.equal(deleted.Deleted?.map((d) => d.Key), [Key]);
});

test.run();
