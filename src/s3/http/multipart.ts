import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { bucketLock, nowSeconds, requireBucket, type S3Core } from '../core.js';
import { invalidArgument, malformedXml, noSuchUpload, S3Error } from '../errors.js';
import type { PartRecord, UploadRecord } from '../model.js';
import { commitObject, quotedMd5 } from '../objects.js';
import { header, isoDate, readXml, sendEmpty, sendXml, type S3Request } from './protocol.js';
import { checksumHeaders, objectAttributes, receiveBody } from './upload.js';

// Multipart uploads (S3 API reference: CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
// AbortMultipartUpload, ListParts; limits from "Amazon S3 multipart upload limits"). Parts are body files like
// objects; they may arrive in any order and a part number sent twice keeps the last body.

const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PART_NUMBER = 10_000;

export async function CreateMultipartUpload(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await requireBucket(core, req.bucket);
  const upload: UploadRecord = {
    Bucket: req.bucket,
    Key: req.key,
    UploadId: randomBytes(48).toString('base64url'),
    Initiated: core.clock.now().getTime(),
    ...objectAttributes(req),
  };
  await core.store.transact(bucketLock(req.bucket), (tx) => tx.put(core.uploads, upload));
  return sendXml(reply, 200, 'InitiateMultipartUploadResult', { Bucket: req.bucket, Key: req.key, UploadId: upload.UploadId });
}

/** The upload a request's `uploadId` names, for this bucket and key. */
async function findUpload(core: S3Core, req: S3Request): Promise<UploadRecord> {
  await requireBucket(core, req.bucket);
  const uploadId = req.query.get('uploadId') ?? '';
  const upload = await core.uploads.get([uploadId]);
  if (!upload || upload.Bucket !== req.bucket || upload.Key !== req.key) throw noSuchUpload(uploadId);
  return upload;
}

export async function UploadPart(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const raw = req.query.get('partNumber') ?? '';
  const partNumber = Number(raw);
  if (!/^\d+$/.test(raw) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw invalidArgument(`Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`, 'partNumber', raw);
  }
  const upload = await findUpload(core, req);
  const body = await receiveBody(core, req);
  const part: PartRecord = { UploadId: upload.UploadId, PartNumber: partNumber, ETag: quotedMd5(body.md5), Size: body.size, LastModified: nowSeconds(core), File: body.file };
  let replaced: string | undefined;
  try {
    await core.store.transact(bucketLock(req.bucket), async (tx) => {
      // Aborted or completed while the part streamed in.
      if (!(await tx.get(core.uploads, [upload.UploadId]))) throw noSuchUpload(upload.UploadId);
      replaced = (await tx.get(core.parts, core.parts.spec.key(part)))?.File;
      await tx.put(core.parts, part);
    });
  } catch (error) {
    await core.files.remove([body.file]);
    throw error;
  }
  if (replaced) await core.files.remove([replaced]);
  return sendEmpty(reply.headers({ etag: part.ETag, ...checksumHeaders(req) }), 200);
}

const allParts = async (core: S3Core, uploadId: string) => (await core.parts.list([uploadId], { limit: MAX_PART_NUMBER })).items;
const unquote = (etag: string) => etag.trim().replace(/^"|"$/g, '');

/**
 * The parts listed must be in ascending order (InvalidPartOrder), each uploaded with that ETag (InvalidPart), and
 * all but the last at least 5 MiB (EntityTooSmall). The ETag is the MD5 of the parts' binary MD5s, then `-<count>`.
 */
export async function CompleteMultipartUpload(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const upload = await findUpload(core, req);
  const listed: unknown = (await readXml(req.raw, ['Part']))?.CompleteMultipartUpload?.Part;
  if (!Array.isArray(listed) || !listed.length) throw malformedXml();
  const uploaded = new Map((await allParts(core, upload.UploadId)).map((p) => [p.PartNumber, p]));
  const chosen: PartRecord[] = [];
  for (const entry of listed as { PartNumber?: string; ETag?: string }[]) {
    const number = Number(entry?.PartNumber);
    if (!Number.isInteger(number) || typeof entry.ETag !== 'string') throw malformedXml();
    if (chosen.length && number <= chosen[chosen.length - 1]!.PartNumber) {
      throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', 400, { UploadId: upload.UploadId });
    }
    const part = uploaded.get(number);
    if (!part || unquote(part.ETag) !== unquote(entry.ETag)) {
      throw new S3Error(
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        400,
        { UploadId: upload.UploadId, PartNumber: String(number), ETag: entry.ETag },
      );
    }
    chosen.push(part);
  }
  const small = chosen.slice(0, -1).find((p) => p.Size < MIN_PART_SIZE);
  if (small) {
    throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', 400, {
      ProposedSize: String(small.Size), MinSizeAllowed: String(MIN_PART_SIZE), PartNumber: String(small.PartNumber), ETag: small.ETag,
    });
  }
  const body = await core.files.concat(chosen.map((p) => p.File));
  const md5s = Buffer.concat(chosen.map((p) => Buffer.from(unquote(p.ETag), 'hex')));
  const etag = `"${createHash('md5').update(md5s).digest('hex')}-${chosen.length}"`;
  const { ContentType, Metadata, Headers } = upload;
  const record = await commitObject(core, req.bucket, req.key, body, etag, { ContentType, Metadata, Headers });
  await dropUpload(core, upload);
  const host = header(req.raw, 'host') ?? 'localhost';
  return sendXml(reply, 200, 'CompleteMultipartUploadResult', {
    Location: `http://${host}/${req.bucket}/${encodeURIComponent(req.key).replace(/%2F/g, '/')}`,
    Bucket: req.bucket,
    Key: req.key,
    ETag: record.ETag,
  });
}

async function dropUpload(core: S3Core, upload: UploadRecord): Promise<void> {
  const files = await core.store.transact(bucketLock(upload.Bucket), async (tx) => {
    const parts = await allParts(core, upload.UploadId);
    for (const part of parts) await tx.delete(core.parts, part);
    await tx.delete(core.uploads, upload);
    return parts.map((p) => p.File);
  });
  await core.files.remove(files);
}

export async function AbortMultipartUpload(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await dropUpload(core, await findUpload(core, req));
  return sendEmpty(reply, 204);
}

export async function ListParts(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const upload = await findUpload(core, req);
  const parts = await allParts(core, upload.UploadId);
  return sendXml(reply, 200, 'ListPartsResult', {
    Bucket: req.bucket,
    Key: req.key,
    UploadId: upload.UploadId,
    StorageClass: 'STANDARD',
    IsTruncated: false,
    Part: parts.map((p) => ({ PartNumber: p.PartNumber, LastModified: isoDate(p.LastModified), ETag: p.ETag, Size: p.Size })),
  });
}
