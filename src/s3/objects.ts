import { bucketLock, nowSeconds, type S3Core } from './core.js';
import { noSuchBucket } from './errors.js';
import type { WrittenBody } from './files.js';
import type { ObjectRecord } from './model.js';

// Storing and removing objects once their body is a file: the metadata is committed after the body is whole, and
// the body it replaces is removed after that commit (./files.ts).

export type ObjectAttributes = Pick<ObjectRecord, 'ContentType' | 'Metadata' | 'Headers'>;

export async function commitObject(core: S3Core, bucket: string, key: string, body: WrittenBody, etag: string, attributes: ObjectAttributes): Promise<ObjectRecord> {
  const record: ObjectRecord = { Bucket: bucket, Key: key, Size: body.size, ETag: etag, LastModified: nowSeconds(core), File: body.file, ...attributes };
  let replaced: string | undefined;
  try {
    await core.store.transact(bucketLock(bucket), async (tx) => {
      // The bucket may have gone while the body was streaming in.
      if (!(await tx.get(core.buckets, [bucket]))) throw noSuchBucket(bucket);
      replaced = (await tx.get(core.objects, [bucket, key]))?.File;
      await tx.put(core.objects, record);
    });
  } catch (error) {
    await core.files.remove([body.file]);
    throw error;
  }
  if (replaced) await core.files.remove([replaced]);
  return record;
}

/** Deletes the objects of `keys` that exist; a missing key is no error (S3 API reference, DeleteObject). */
export async function deleteObjects(core: S3Core, bucket: string, keys: string[]): Promise<void> {
  const files = await core.store.transact(bucketLock(bucket), async (tx) => {
    if (!(await tx.get(core.buckets, [bucket]))) throw noSuchBucket(bucket);
    const removed: string[] = [];
    for (const key of keys) {
      const record = await tx.get(core.objects, [bucket, key]);
      if (record) {
        await tx.delete(core.objects, record);
        removed.push(record.File);
      }
    }
    return removed;
  });
  await core.files.remove(files);
}

export const quotedMd5 = (md5: Buffer) => `"${md5.toString('hex')}"`;
