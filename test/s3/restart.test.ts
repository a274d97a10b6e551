import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator } from '../helpers/emulator.js';
import { s3Client } from './client.js';

test('PutObject: objects, metadata and Last-Modified survive an emulator restart on a data dir', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cogniform-s3-'));
  try {
    const first = await startTestEmulator({ inMemory: false, dataDir });
    const s3 = s3Client(first);
    await s3.send(new CreateBucketCommand({ Bucket: 'durable' }));
    await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: 'a/b.json', Body: '{"kept":true}', Metadata: { filesha256: 'x+y/z=' } }));
    const before = await s3.send(new HeadObjectCommand({ Bucket: 'durable', Key: 'a/b.json' }));
    s3.destroy();
    await first.close();
    // Bodies live in files under the data dir, not in the database.
    assert.is((await readdir(path.join(dataDir, 's3', 'data'))).length, 1);

    const second = await startTestEmulator({ inMemory: false, dataDir });
    const again = s3Client(second);
    const got = await again.send(new GetObjectCommand({ Bucket: 'durable', Key: 'a/b.json' }));
    assert.is(await got.Body!.transformToString(), '{"kept":true}');
    assert.equal(got.Metadata, { filesha256: 'x+y/z=' });
    assert.equal(got.LastModified, before.LastModified);
    assert.is(got.ETag, before.ETag);
    // Reset removes the bodies as well as the records.
    await second.app.inject({ method: 'POST', url: '/_cogniform/reset' });
    assert.is(await second.s3.getObject('durable', 'a/b.json'), undefined);
    assert.is((await readdir(path.join(dataDir, 's3', 'data'))).length, 0);
    again.destroy();
    await second.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test.run();
