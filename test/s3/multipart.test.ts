import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  GetObjectCommand, HeadObjectCommand, ListPartsCommand, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertS3Error, signed, withS3 } from './client.js';

const Bucket = 'uploads';
const MiB = 1024 * 1024;
const s3 = withS3(test, async ({ client }) => {
  await client.send(new CreateBucketCommand({ Bucket }));
});

const md5 = (data: Buffer) => createHash('md5').update(data).digest();
const start = async (Key: string, extra: { Metadata?: Record<string, string>; ContentType?: string } = {}) =>
  (await s3.client.send(new CreateMultipartUploadCommand({ Bucket, Key, ...extra }))).UploadId!;
const upload = async (Key: string, UploadId: string, PartNumber: number, Body: Buffer) =>
  (await s3.client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body }))).ETag!;

test('UploadPart: parts sent out of order complete into one object with the multipart ETag and the upload metadata', async () => {
  const Key = 'service/app.zip';
  const one = Buffer.alloc(5 * MiB, 1);
  const two = Buffer.alloc(5 * MiB, 2);
  const three = Buffer.from('tail');
  const UploadId = await start(Key, { Metadata: { filesha256: 'sha=' }, ContentType: 'application/zip' });
  const etag3 = await upload(Key, UploadId, 3, three);
  const etag1 = await upload(Key, UploadId, 1, one);
  const etag2 = await upload(Key, UploadId, 2, two);
  assert.is(etag2, `"${md5(two).toString('hex')}"`);
  const parts = await s3.client.send(new ListPartsCommand({ Bucket, Key, UploadId }));
  assert.equal(parts.Parts?.map((p) => [p.PartNumber, p.Size]), [[1, 5 * MiB], [2, 5 * MiB], [3, 4]]);
  const done = await s3.client.send(new CompleteMultipartUploadCommand({
    Bucket, Key, UploadId,
    MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etag1 }, { PartNumber: 2, ETag: etag2 }, { PartNumber: 3, ETag: etag3 }] },
  }));
  const expected = `"${md5(Buffer.concat([md5(one), md5(two), md5(three)])).toString('hex')}-3"`;
  assert.is(done.ETag, expected);
  const got = await s3.client.send(new GetObjectCommand({ Bucket, Key }));
  const body = Buffer.from(await got.Body!.transformToByteArray());
  assert.is(body.length, 10 * MiB + 4);
  assert.ok(body.equals(Buffer.concat([one, two, three])));
  assert.equal(got.Metadata, { filesha256: 'sha=' });
  assert.is(got.ContentType, 'application/zip');
  assert.is(got.ETag, expected);
  // The upload is gone once complete.
  await assertS3Error(s3.client.send(new ListPartsCommand({ Bucket, Key, UploadId })), 'NoSuchUpload', 404);
});

test('UploadPart: a part sent again replaces the earlier body; a bad part number gives InvalidArgument', async () => {
  const Key = 'again';
  const UploadId = await start(Key);
  await upload(Key, UploadId, 1, Buffer.from('first'));
  const etag = await upload(Key, UploadId, 1, Buffer.from('second'));
  await s3.client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etag }] } }));
  assert.is(await (await s3.client.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToString(), 'second');
  const other = await start('bad-number');
  for (const n of ['0', '10001', 'x']) {
    const response = await s3.emulator.app.inject({ method: 'PUT', url: `/${Bucket}/bad-number?partNumber=${n}&uploadId=${other}`, headers: signed(), payload: 'x' });
    assert.is(response.statusCode, 400);
    assert.match(response.body, /<Code>InvalidArgument<\/Code>/);
  }
});

test('UploadPart: an unknown upload id gives NoSuchUpload', async () => {
  await assertS3Error(s3.client.send(new UploadPartCommand({ Bucket, Key: 'k', UploadId: 'nope', PartNumber: 1, Body: 'x' })), 'NoSuchUpload', 404);
});

test('CompleteMultipartUpload: parts out of order give InvalidPartOrder, a wrong ETag or missing part InvalidPart', async () => {
  const Key = 'checked';
  const UploadId = await start(Key);
  const etag1 = await upload(Key, UploadId, 1, Buffer.alloc(5 * MiB));
  const etag2 = await upload(Key, UploadId, 2, Buffer.from('end'));
  const complete = (Parts: { PartNumber: number; ETag: string }[]) =>
    s3.client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } }));
  await assertS3Error(complete([{ PartNumber: 2, ETag: etag2 }, { PartNumber: 1, ETag: etag1 }]), 'InvalidPartOrder', 400);
  await assertS3Error(complete([{ PartNumber: 1, ETag: etag1 }, { PartNumber: 2, ETag: '"00000000000000000000000000000000"' }]), 'InvalidPart', 400);
  await assertS3Error(complete([{ PartNumber: 1, ETag: etag1 }, { PartNumber: 3, ETag: etag2 }]), 'InvalidPart', 400);
  // The upload survives a refused completion.
  await complete([{ PartNumber: 1, ETag: etag1 }, { PartNumber: 2, ETag: etag2 }]);
});

test('CompleteMultipartUpload: a part other than the last below 5 MiB gives EntityTooSmall; no parts MalformedXML', async () => {
  const Key = 'small';
  const UploadId = await start(Key);
  const etag1 = await upload(Key, UploadId, 1, Buffer.from('tiny'));
  const etag2 = await upload(Key, UploadId, 2, Buffer.from('end'));
  await assertS3Error(
    s3.client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etag1 }, { PartNumber: 2, ETag: etag2 }] } })),
    'EntityTooSmall',
    400,
  );
  const empty = await s3.emulator.app.inject({ method: 'POST', url: `/${Bucket}/small?uploadId=${UploadId}`, headers: signed(), payload: '<CompleteMultipartUpload/>' });
  assert.match(empty.body, /<Code>MalformedXML<\/Code>/);
});

test('AbortMultipartUpload: the upload and its parts go; aborting again gives NoSuchUpload', async () => {
  const Key = 'aborted';
  const UploadId = await start(Key);
  await upload(Key, UploadId, 1, Buffer.from('part'));
  await s3.client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
  await assertS3Error(s3.client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })), 'NoSuchUpload', 404);
  await assertS3Error(s3.client.send(new HeadObjectCommand({ Bucket, Key })), 'NotFound', 404);
});

test('CreateMultipartUpload: a missing bucket gives NoSuchBucket', async () => {
  await assertS3Error(s3.client.send(new CreateMultipartUploadCommand({ Bucket: 'no-bucket-here', Key: 'k' })), 'NoSuchBucket', 404);
});

test('ListParts: an upload id of another key gives NoSuchUpload', async () => {
  const UploadId = await start('mine');
  await assertS3Error(s3.client.send(new ListPartsCommand({ Bucket, Key: 'not-mine', UploadId })), 'NoSuchUpload', 404);
});

test.run();
