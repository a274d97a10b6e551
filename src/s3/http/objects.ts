import type { FastifyReply } from 'fastify';
import { requireBucket, type S3Core } from '../core.js';
import { noSuchKey, S3Error } from '../errors.js';
import type { ObjectRecord } from '../model.js';
import { commitObject, deleteObjects, quotedMd5 } from '../objects.js';
import { httpDate, sendEmpty, sendXml, header, isoDate, withIds, type S3Request } from './protocol.js';
import { checksumHeaders, objectAttributes, receiveBody } from './upload.js';
import { OWNER_ID } from './buckets.js';

// Object operations (S3 API reference: PutObject, GetObject, HeadObject, DeleteObject, CopyObject).

export async function PutObject(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await requireBucket(core, req.bucket);
  const body = await receiveBody(core, req);
  const record = await commitObject(core, req.bucket, req.key, body, quotedMd5(body.md5), objectAttributes(req));
  return sendEmpty(reply.headers({ etag: record.ETag, ...checksumHeaders(req) }), 200);
}

async function findObject(core: S3Core, req: S3Request): Promise<ObjectRecord> {
  await requireBucket(core, req.bucket);
  const record = await core.objects.get([req.bucket, req.key]);
  if (!record) throw noSuchKey(req.key);
  return record;
}

function objectHeaders(reply: FastifyReply, record: ObjectRecord): FastifyReply {
  const metadata = Object.fromEntries(Object.entries(record.Metadata).map(([name, value]) => [`x-amz-meta-${name}`, value]));
  return withIds(reply).headers({
    ...record.Headers,
    ...metadata,
    'content-type': record.ContentType,
    etag: record.ETag,
    'last-modified': httpDate(record.LastModified),
    'accept-ranges': 'bytes',
  });
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range; S3 serves no multi-range requests and ignores a malformed one). */
function parseRange(value: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = value ? /^bytes=(\d*)-(\d*)$/.exec(value.trim()) : null;
  if (!match || (!match[1] && !match[2])) return undefined;
  const range = match[1]
    ? { start: Number(match[1]), end: Math.min(match[2] ? Number(match[2]) : size - 1, size - 1) }
    : { start: Math.max(size - Number(match[2]), 0), end: size - 1 };
  if (range.start >= size || range.start > range.end) {
    throw new S3Error('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: value!, ActualObjectSize: String(size) });
  }
  return range;
}

export async function GetObject(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const record = await findObject(core, req);
  const range = record.Size ? parseRange(header(req.raw, 'range'), record.Size) : undefined;
  objectHeaders(reply, record);
  if (!range) return reply.code(200).header('content-length', String(record.Size)).send(core.files.read(record.File));
  return reply
    .code(206)
    .headers({ 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${record.Size}` })
    .send(core.files.read(record.File, range));
}

export async function HeadObject(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const record = await findObject(core, req);
  return objectHeaders(reply, record).code(200).header('content-length', String(record.Size)).send();
}

/** 204 whether or not the key existed (DeleteObject on an unversioned bucket). */
export async function DeleteObject(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await deleteObjects(core, req.bucket, [req.key]);
  return sendEmpty(reply, 204);
}

const copySourceError = () =>
  new S3Error('InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 400);

/** `bucket/key` from the header; percent-encoding that does not decode (`%%%`) is the same InvalidArgument, not a 500. */
function copySource(raw: string): string {
  try {
    return decodeURIComponent(raw.split('?')[0]!).replace(/^\//, '');
  } catch {
    throw copySourceError();
  }
}

/**
 * CopyObject: `x-amz-copy-source: /<bucket>/<key>` (URL-encoded, leading slash optional). Metadata is copied unless
 * `x-amz-metadata-directive: REPLACE` takes the request's; copying an object onto itself needs REPLACE.
 */
export async function CopyObject(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const source = copySource(header(req.raw, 'x-amz-copy-source')!);
  const slash = source.indexOf('/');
  if (slash <= 0) throw copySourceError();
  const from = await findObject(core, { ...req, bucket: source.slice(0, slash), key: source.slice(slash + 1) });
  await requireBucket(core, req.bucket);
  const replace = header(req.raw, 'x-amz-metadata-directive') === 'REPLACE';
  if (!replace && from.Bucket === req.bucket && from.Key === req.key) {
    throw new S3Error(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      400,
    );
  }
  const body = await core.files.concat([from.File]);
  const attributes = replace ? objectAttributes(req) : { ContentType: from.ContentType, Metadata: from.Metadata, Headers: from.Headers };
  const record = await commitObject(core, req.bucket, req.key, body, from.ETag, attributes);
  return sendXml(reply, 200, 'CopyObjectResult', { LastModified: isoDate(record.LastModified), ETag: record.ETag });
}

/**
 * PutObjectTagging and PutObjectAcl (`PUT /<bucket>/<key>?tagging|acl`) are accepted and not kept: they must not
 * reach PutObject, which would replace the object with the tagging document.
 */
export async function PutObjectSubresource(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await findObject(core, req);
  return sendEmpty(reply, 200);
}

/** GetObjectTagging answers no tags and GetObjectAcl the owner's full control, what a new object has. */
export async function GetObjectSubresource(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await findObject(core, req);
  if (req.query.has('tagging')) return sendXml(reply, 200, 'Tagging', { TagSet: {} });
  const owner = { ID: OWNER_ID, DisplayName: 'cogniform' };
  return sendXml(reply, 200, 'AccessControlPolicy', {
    Owner: owner,
    AccessControlList: { Grant: { Grantee: { '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@xsi:type': 'CanonicalUser', ...owner }, Permission: 'FULL_CONTROL' } },
  });
}
