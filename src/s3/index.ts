import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import type { Clock, Logger } from '../cognito/deps.js';
import { credentialScope } from '../server/sigv4.js';
import type { Store } from '../store/store.js';
import { createBucket, deleteBucket } from './buckets.js';
import { s3Core, type S3Core } from './core.js';
import { S3Error } from './errors.js';
import { bodyFiles } from './files.js';
import { registerS3Routes } from './http/router.js';
import { S3_TABLES } from './model.js';
import { commitObject, quotedMd5 } from './objects.js';

// The local S3, the part `serverless deploy` uses (../../shared/reference/serverless-deploy.md): buckets and objects
// in the store, bodies as files under the objects dir. The wire protocol is in ./http/.

export { S3Error } from './errors.js';

/** Where isS3Request's requests are routed (rewriteUrl prefixes their path with it). */
export const S3_ROUTE_PREFIX = '/__s3';

export interface S3Object {
  body: Buffer;
  lastModified: Date;
  etag: string;
  /** `x-amz-meta-*` user metadata, names lower-case without the prefix. */
  metadata: Record<string, string>;
  contentType?: string | undefined;
}

export interface LocalS3 {
  /** CreateBucket as the API does it; BucketAlreadyOwnedByYou is not an error here (a template's bucket may exist). */
  createBucket(name: string, region: string): Promise<void>;
  /** DeleteBucket; fails with BucketNotEmpty as S3 does when objects remain. */
  deleteBucket(name: string): Promise<void>;
  getObject(bucket: string, key: string): Promise<S3Object | undefined>;
  /** PutObject of a whole body (tests, and parts that write objects); NoSuchBucket when the bucket is missing. */
  putObject(bucket: string, key: string, body: Buffer, options?: { contentType?: string; metadata?: Record<string, string> }): Promise<void>;
  /** `POST /_cogniform/reset`: every bucket and object gone, files too. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export interface S3Deps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Where object bodies are kept: `<data dir>/s3`, or a temporary folder for an in-memory emulator. */
  objectsDir: string;
}

/** The S3 core of each LocalS3, for registerS3 to serve. */
const cores = new WeakMap<LocalS3, S3Core>();

export function createS3(deps: S3Deps): LocalS3 {
  const core = s3Core(deps.store, deps.clock, deps.log, bodyFiles(deps.objectsDir));
  const s3: LocalS3 = {
    async createBucket(name, region) {
      try {
        await createBucket(core, name, region);
      } catch (error) {
        if (!(error instanceof S3Error && error.code === 'BucketAlreadyOwnedByYou')) throw error;
      }
    },
    deleteBucket: (name) => deleteBucket(core, name),
    async getObject(bucket, key) {
      const record = await core.objects.get([bucket, key]);
      if (!record) return undefined;
      return {
        body: await core.files.readAll(record.File),
        lastModified: new Date(record.LastModified),
        etag: record.ETag,
        metadata: record.Metadata,
        contentType: record.ContentType,
      };
    },
    async putObject(bucket, key, body, options = {}) {
      const written = await core.files.write(Readable.from([body]));
      const attributes = { ContentType: options.contentType ?? 'binary/octet-stream', Metadata: options.metadata ?? {}, Headers: {} };
      await commitObject(core, bucket, key, written, quotedMd5(written.md5), attributes);
    },
    async clear() {
      await deps.store.purge(S3_TABLES, []);
      await core.files.clear();
    },
    close: async () => {},
  };
  cores.set(s3, core);
  return s3;
}

/** Whether a request is for S3: its SigV4 credential scope (header or presigned query) names the `s3` service. */
export function isS3Request(request: { url?: string; headers: Record<string, string | string[] | undefined> }): boolean {
  const authorization = request.headers.authorization;
  const url = request.url ?? '';
  const mark = url.indexOf('?');
  const presigned = mark < 0 ? undefined : new URLSearchParams(url.slice(mark + 1)).get('X-Amz-Credential') ?? undefined;
  return credentialScope(Array.isArray(authorization) ? authorization[0] : authorization, presigned)?.service === 's3';
}

/** Path-style S3 on the edge port: `/<bucket>`, `/<bucket>/`, `/<bucket>/<key>`, for requests isS3Request picks. */
export function registerS3(app: FastifyInstance, s3: LocalS3): void {
  const core = cores.get(s3);
  if (!core) throw new Error('registerS3 needs a LocalS3 made by createS3');
  registerS3Routes(app, core, S3_ROUTE_PREFIX);
}
