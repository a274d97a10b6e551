import { bucketLock, type S3Core } from './core.js';
import { bucketAlreadyOwnedByYou, bucketNotEmpty, invalidBucketName, noSuchBucket } from './errors.js';
import { isValidBucketName } from './bucketName.js';
import type { BucketRecord } from './model.js';

// CreateBucket and DeleteBucket, shared by the API and the AWS::S3::Bucket provider.

export async function createBucket(core: S3Core, name: string, region: string): Promise<BucketRecord> {
  if (!isValidBucketName(name)) throw invalidBucketName(name);
  return core.store.transact(bucketLock(name), async (tx) => {
    if (await tx.get(core.buckets, [name])) throw bucketAlreadyOwnedByYou(name);
    const bucket: BucketRecord = { Name: name, Region: region, CreationDate: core.clock.now().getTime(), Subresources: {} };
    await tx.put(core.buckets, bucket);
    return bucket;
  });
}

/** DeleteBucket: only an empty bucket goes (S3 API reference, DeleteBucket); its unfinished uploads go with it. */
export async function deleteBucket(core: S3Core, name: string): Promise<void> {
  const leftovers = await core.store.transact(bucketLock(name), async (tx) => {
    const bucket = await tx.get(core.buckets, [name]);
    if (!bucket) throw noSuchBucket(name);
    if ((await core.objects.list([name], { limit: 1 })).items.length) throw bucketNotEmpty(name);
    const { items } = await core.uploads.findBy('byBucket', [name], { limit: 10_000 });
    const partRecords = (await Promise.all(items.map((u) => core.parts.list([u.UploadId], { limit: 10_000 })))).flatMap((p) => p.items);
    for (const upload of items) await tx.delete(core.uploads, upload);
    for (const part of partRecords) await tx.delete(core.parts, part);
    await tx.delete(core.buckets, bucket);
    return partRecords.map((p) => p.File);
  });
  await core.files.remove(leftovers);
}

/** Replaces a bucket's stored subresource body (undefined removes it). */
export async function setSubresource(core: S3Core, name: string, subresource: string, body: string | undefined): Promise<void> {
  await core.store.transact(bucketLock(name), async (tx) => {
    const bucket = await tx.get(core.buckets, [name]);
    if (!bucket) throw noSuchBucket(name);
    const { [subresource]: _old, ...rest } = bucket.Subresources;
    await tx.put(core.buckets, { ...bucket, Subresources: body === undefined ? rest : { ...rest, [subresource]: body } });
  });
}
