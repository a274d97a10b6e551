import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signed, withS3 } from './client.js';

// aws-chunked bodies as SigV4 streaming uploads send them (S3 API reference, "Signature Calculations for the
// Authorization Header: Transferring Payload in Multiple Chunks"), built by hand so every framing detail is ours.

const Bucket = 'chunked';
const s3 = withS3(test, async ({ client }) => {
  await client.send(new CreateBucketCommand({ Bucket }));
});

const SIG = 'f'.repeat(64);
const signedChunk = (data: string) => `${Buffer.byteLength(data).toString(16)};chunk-signature=${SIG}\r\n${data}\r\n`;
const read = async (Key: string) => (await s3.client.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToString();

test('PutObject: an aws-chunked signed body is stored decoded, its length the decoded length', async () => {
  const data = ['hello ', 'chunked ', 'world'];
  const payload = data.map(signedChunk).join('') + `0;chunk-signature=${SIG}\r\n\r\n`;
  const response = await s3.emulator.app.inject({
    method: 'PUT',
    url: `/${Bucket}/signed.txt`,
    headers: {
      ...signed(),
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(data.join('').length),
      'content-type': 'text/plain',
    },
    payload,
  });
  assert.is(response.statusCode, 200, response.body);
  assert.is(await read('signed.txt'), 'hello chunked world');
  const head = await s3.emulator.app.inject({ method: 'HEAD', url: `/${Bucket}/signed.txt`, headers: signed() });
  assert.is(head.headers['content-length'], '19');
  assert.is(head.headers['content-encoding'], undefined);
});

test('PutObject: an unsigned aws-chunked body with a checksum trailer is decoded and the trailer dropped', async () => {
  const payload = `5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n`;
  const response = await s3.emulator.app.inject({
    method: 'PUT',
    url: `/${Bucket}/trailer.txt?x-id=PutObject`,
    headers: {
      ...signed(),
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'content-encoding': 'aws-chunked,gzip',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': '5',
    },
    payload,
  });
  assert.is(response.statusCode, 200, response.body);
  const got = await s3.emulator.app.inject({ method: 'GET', url: `/${Bucket}/trailer.txt`, headers: signed() });
  assert.is(got.rawPayload.toString(), 'hello');
  // Only the transfer framing is dropped from Content-Encoding.
  assert.is(got.headers['content-encoding'], 'gzip');
});

test('PutObject: a truncated aws-chunked body gives IncompleteBody; a wrong decoded length too', async () => {
  const headers = { ...signed(), 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'x-amz-decoded-content-length': '5' };
  const truncated = await s3.emulator.app.inject({ method: 'PUT', url: `/${Bucket}/bad.txt`, headers, payload: `a;chunk-signature=${SIG}\r\nhel` });
  assert.is(truncated.statusCode, 400);
  assert.match(truncated.body, /<Code>IncompleteBody<\/Code>/);
  const garbage = await s3.emulator.app.inject({ method: 'PUT', url: `/${Bucket}/bad.txt`, headers, payload: 'zz\r\nhello\r\n0\r\n\r\n' });
  assert.match(garbage.body, /<Code>IncompleteBody<\/Code>/);
  const wrongLength = await s3.emulator.app.inject({
    method: 'PUT', url: `/${Bucket}/bad.txt`, headers: { ...headers, 'x-amz-decoded-content-length': '9' }, payload: signedChunk('hello') + `0;chunk-signature=${SIG}\r\n\r\n`,
  });
  assert.match(wrongLength.body, /<Code>IncompleteBody<\/Code>/);
  const missing = await s3.emulator.app.inject({ method: 'HEAD', url: `/${Bucket}/bad.txt`, headers: signed() });
  assert.is(missing.statusCode, 404);
});

test.run();
