import type { TableSpec } from '../store/store.js';

// What the store keeps for S3: buckets, objects and multipart uploads. Bodies are never here: each object and part
// names the file under the objects dir that holds its bytes (./files.ts).

export interface BucketRecord {
  Name: string;
  Region: string;
  CreationDate: number;
  /**
   * Bucket configuration a deploy sends and cogniform does not enforce (policy, encryption, tagging...): the body as
   * sent, by subresource name, so that a Get answers what the Put stored (./http/subresources.ts).
   */
  Subresources: Record<string, string>;
}

/** Headers S3 keeps with an object and answers on GET and HEAD (PutObject request headers of the same name). */
export const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'] as const;

export interface ObjectRecord {
  Bucket: string;
  Key: string;
  Size: number;
  /** Quoted, as S3 answers it: `"<md5 hex>"`, or `"<md5 of part md5s>-<parts>"` after a multipart upload. */
  ETag: string;
  /** Epoch ms, whole seconds (S3 keeps Last-Modified to the second: listings show `.000Z`). */
  LastModified: number;
  ContentType: string;
  /** `x-amz-meta-*`, names lower-case without the prefix, values exactly as sent. */
  Metadata: Record<string, string>;
  Headers: Record<string, string>;
  /** The body's file name under the objects dir. */
  File: string;
}

export interface UploadRecord {
  Bucket: string;
  Key: string;
  UploadId: string;
  Initiated: number;
  ContentType: string;
  Metadata: Record<string, string>;
  Headers: Record<string, string>;
}

export interface PartRecord {
  UploadId: string;
  PartNumber: number;
  ETag: string;
  Size: number;
  LastModified: number;
  File: string;
}

export const buckets: TableSpec<BucketRecord> = { name: 's3-buckets', key: (b) => [b.Name], cache: true };

// Keyed bucket then key: a bucket's objects sit in one range ordered by the key's UTF-8 bytes, ListObjects' order.
export const objects: TableSpec<ObjectRecord> = { name: 's3-objects', key: (o) => [o.Bucket, o.Key] };

export const uploads: TableSpec<UploadRecord> = {
  name: 's3-uploads',
  key: (u) => [u.UploadId],
  indexes: { byBucket: (u) => [[u.Bucket, u.Key, u.UploadId]] },
};

/** Part numbers are zero-padded in the key so that parts list in number order. */
export const parts: TableSpec<PartRecord> = {
  name: 's3-parts',
  key: (p) => [p.UploadId, String(p.PartNumber).padStart(5, '0')],
};

export const S3_TABLES = [buckets, objects, uploads, parts] as TableSpec<unknown>[];
