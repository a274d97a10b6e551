import type { FastifyReply } from 'fastify';
import { createBucket, deleteBucket } from '../buckets.js';
import { requireBucket, type S3Core } from '../core.js';
import { S3Error } from '../errors.js';
import { isoDate, readXml, sendEmpty, sendXml, type S3Request } from './protocol.js';

// Bucket operations (S3 API reference: CreateBucket, DeleteBucket, HeadBucket, ListBuckets, GetBucketLocation).

export async function CreateBucket(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const body = await readXml(req.raw);
  const constraint: unknown = body?.CreateBucketConfiguration?.LocationConstraint;
  // us-east-1 is the absence of a constraint; naming it is refused (CreateBucket, "LocationConstraint").
  if (constraint === 'us-east-1') {
    throw new S3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { LocationConstraint: constraint });
  }
  const region = typeof constraint === 'string' && constraint ? constraint : req.region;
  await createBucket(core, req.bucket, region);
  return sendEmpty(reply.header('location', `/${req.bucket}`), 200);
}

export async function DeleteBucket(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await deleteBucket(core, req.bucket);
  return sendEmpty(reply, 204);
}

/** HeadBucket also tells the bucket's region, which SDKs read to redirect. */
export async function HeadBucket(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const bucket = await requireBucket(core, req.bucket);
  return sendEmpty(reply.header('x-amz-bucket-region', bucket.Region), 200);
}

export async function ListBuckets(core: S3Core, _req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const { items } = await core.buckets.list([], { limit: 10_000 });
  return sendXml(reply, 200, 'ListAllMyBucketsResult', {
    Owner: { ID: OWNER_ID, DisplayName: 'cogniform' },
    Buckets: { Bucket: items.map((b) => ({ Name: b.Name, CreationDate: isoDate(b.CreationDate), BucketRegion: b.Region })) },
  });
}

/** us-east-1 answers an empty LocationConstraint (GetBucketLocation: "Buckets in Region us-east-1 have a LocationConstraint of null"). */
export async function GetBucketLocation(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const bucket = await requireBucket(core, req.bucket);
  return sendXml(reply, 200, 'LocationConstraint', bucket.Region === 'us-east-1' ? {} : { '#text': bucket.Region });
}

/** The canonical user id cogniform's one account owns everything with (64 hex characters, as S3's are). */
export const OWNER_ID = '0'.repeat(64);
