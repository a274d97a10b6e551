import type { Clock, Logger } from '../cognito/deps.js';
import type { Store, Table } from '../store/store.js';
import type { BodyFiles } from './files.js';
import { buckets, objects, parts, uploads, type BucketRecord, type ObjectRecord, type PartRecord, type UploadRecord } from './model.js';
import { noSuchBucket } from './errors.js';

/** What every S3 operation works with: the store's S3 tables and the body files. */
export interface S3Core {
  store: Store;
  clock: Clock;
  log: Logger;
  files: BodyFiles;
  buckets: Table<BucketRecord>;
  objects: Table<ObjectRecord>;
  uploads: Table<UploadRecord>;
  parts: Table<PartRecord>;
}

export function s3Core(store: Store, clock: Clock, log: Logger, files: BodyFiles): S3Core {
  return {
    store, clock, log, files,
    buckets: store.table(buckets),
    objects: store.table(objects),
    uploads: store.table(uploads),
    parts: store.table(parts),
  };
}

export async function requireBucket(core: S3Core, name: string): Promise<BucketRecord> {
  const bucket = await core.buckets.get([name]);
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/** Now to the second, as S3 keeps Last-Modified. */
export function nowSeconds(core: S3Core): number {
  return Math.floor(core.clock.now().getTime() / 1000) * 1000;
}

/** One lock per bucket: creating or deleting it, and writing its objects, are serialised. */
export const bucketLock = (bucket: string) => `s3:${bucket}`;
