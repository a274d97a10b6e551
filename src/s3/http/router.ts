import type { FastifyInstance, FastifyReply } from 'fastify';
import type { S3Core } from '../core.js';
import { methodNotAllowed, notImplemented, S3Error } from '../errors.js';
import { CreateBucket, DeleteBucket, GetBucketLocation, HeadBucket, ListBuckets } from './buckets.js';
import { DeleteObjects } from './deleteObjects.js';
import { ListObjects, ListObjectsV2 } from './listObjects.js';
import { AbortMultipartUpload, CompleteMultipartUpload, CreateMultipartUpload, ListParts, UploadPart } from './multipart.js';
import { CopyObject, DeleteObject, GetObject, GetObjectSubresource, HeadObject, PutObject, PutObjectSubresource } from './objects.js';
import { header, parseS3Request, sendError, type S3Request } from './protocol.js';
import { DeleteBucketSubresource, GetBucketSubresource, PutBucketSubresource, subresourceOf } from './subresources.js';

// One route for every S3 request: the operation is chosen, as S3 chooses it, from the method, whether the path
// names a key, and the subresource in the query (`?uploads`, `?uploadId=`, `?delete`, `?location`, `?list-type=2`).

type Handler = (core: S3Core, req: S3Request, reply: FastifyReply) => Promise<FastifyReply>;

/** Object uploads may be large; they stream to files (./upload.ts), so the limit is S3's 5 GB for a single PUT. */
const BODY_LIMIT = 5 * 1024 * 1024 * 1024;

function bucketOperation(req: S3Request): Handler | undefined {
  const q = req.query;
  const sub = subresourceOf(q);
  switch (req.method) {
    case 'GET':
      if (q.has('location')) return GetBucketLocation;
      // ListMultipartUploads and object versions are not served; they must not fall through to a listing.
      if (q.has('uploads') || q.has('versions')) throw notImplemented(q.has('uploads') ? 'uploads' : 'versions');
      if (sub) return (core, r, reply) => GetBucketSubresource(core, r, reply, sub);
      return q.get('list-type') === '2' ? ListObjectsV2 : ListObjects;
    case 'HEAD':
      return HeadBucket;
    case 'PUT':
      return sub ? (core, r, reply) => PutBucketSubresource(core, r, reply, sub) : CreateBucket;
    case 'DELETE':
      return sub ? (core, r, reply) => DeleteBucketSubresource(core, r, reply, sub) : DeleteBucket;
    case 'POST':
      return q.has('delete') ? DeleteObjects : undefined;
  }
  return undefined;
}

function objectOperation(req: S3Request): Handler | undefined {
  const q = req.query;
  const copy = header(req.raw, 'x-amz-copy-source') !== undefined;
  const sub = q.has('tagging') || q.has('acl');
  switch (req.method) {
    case 'GET':
      if (sub) return GetObjectSubresource;
      return q.has('uploadId') ? ListParts : GetObject;
    case 'HEAD':
      return HeadObject;
    case 'PUT':
      if (q.has('uploadId')) {
        if (copy) throw notImplemented('x-amz-copy-source');
        return UploadPart;
      }
      if (sub) return PutObjectSubresource;
      return copy ? CopyObject : PutObject;
    case 'DELETE':
      return q.has('uploadId') ? AbortMultipartUpload : DeleteObject;
    case 'POST':
      if (q.has('uploads')) return CreateMultipartUpload;
      return q.has('uploadId') ? CompleteMultipartUpload : undefined;
  }
  return undefined;
}

function operationFor(req: S3Request): Handler | undefined {
  if (!req.bucket) return req.method === 'GET' ? ListBuckets : undefined;
  return req.key ? objectOperation(req) : bucketOperation(req);
}

/** Requests reach S3 only through their credential scope (isS3Request), so the scope's region is always there. */
const FALLBACK_REGION = 'us-east-1';

export function registerS3Routes(app: FastifyInstance, core: S3Core, prefix: string): void {
  app.register(async (scope) => {
    // Bodies are handed over as streams: objects go to files, never whole into memory (the edge buffers its own).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, body, done) => done(null, body));
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof S3Error) return sendError(reply, error);
      request.log.error(error);
      core.log.error(`S3 ${request.method} ${request.url} failed`, error);
      return sendError(reply, new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500));
    });
    const handler = async (request: Parameters<Handler>[1]['raw'], reply: FastifyReply) => {
      const req = parseS3Request(request, prefix, FALLBACK_REGION);
      const operation = operationFor(req);
      if (!operation) throw methodNotAllowed(req.method);
      return operation(core, req, reply);
    };
    const methods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'];
    for (const url of [prefix, `${prefix}/*`]) {
      scope.route({ method: methods, url, bodyLimit: BODY_LIMIT, exposeHeadRoute: false, handler });
    }
  });
}
