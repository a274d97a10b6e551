import type { FastifyReply } from 'fastify';
import { setSubresource } from '../buckets.js';
import { requireBucket, type S3Core } from '../core.js';
import { S3Error } from '../errors.js';
import { payload, sendEmpty, withIds, type S3Request } from './protocol.js';

// Bucket configuration a deploy sends around its buckets (the serverless deployment bucket gets a policy denying
// plain HTTP, encryption, sometimes tags and a public access block): accepted and kept, not enforced. A Get answers
// what was put, else the error S3 gives for a bucket without that configuration. Statuses per the S3 API reference
// of each Put/Get/Delete operation.

interface Subresource {
  /** PutBucket<X>'s success status. */
  putStatus: number;
  contentType: string;
  /** What GetBucket<X> answers when nothing was put: an error, or a default document. */
  absent: { error: [code: string, message: string, status: number] } | { body: string };
}

const xml = 'application/xml';
const empty = (root: string) => ({ body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>` });

const SUBRESOURCES: Record<string, Subresource> = {
  policy: { putStatus: 204, contentType: 'application/json', absent: { error: ['NoSuchBucketPolicy', 'The bucket policy does not exist', 404] } },
  tagging: { putStatus: 204, contentType: xml, absent: { error: ['NoSuchTagSet', 'The TagSet does not exist', 404] } },
  cors: { putStatus: 200, contentType: xml, absent: { error: ['NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404] } },
  lifecycle: { putStatus: 200, contentType: xml, absent: { error: ['NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404] } },
  website: { putStatus: 200, contentType: xml, absent: { error: ['NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', 404] } },
  publicAccessBlock: { putStatus: 200, contentType: xml, absent: { error: ['NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404] } },
  ownershipControls: { putStatus: 200, contentType: xml, absent: { error: ['OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404] } },
  // Every bucket has SSE-S3 default encryption since January 2023 (S3 User Guide, "Default encryption").
  encryption: {
    putStatus: 200,
    contentType: xml,
    absent: {
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>',
    },
  },
  versioning: { putStatus: 200, contentType: xml, absent: empty('VersioningConfiguration') },
  acl: { putStatus: 200, contentType: xml, absent: empty('AccessControlPolicy') },
  accelerate: { putStatus: 200, contentType: xml, absent: empty('AccelerateConfiguration') },
  notification: { putStatus: 200, contentType: xml, absent: empty('NotificationConfiguration') },
  logging: { putStatus: 200, contentType: xml, absent: empty('BucketLoggingStatus') },
};

/** The bucket subresource a query names, if any. */
export function subresourceOf(query: URLSearchParams): string | undefined {
  return Object.keys(SUBRESOURCES).find((name) => query.has(name));
}

export async function PutBucketSubresource(core: S3Core, req: S3Request, reply: FastifyReply, name: string): Promise<FastifyReply> {
  const chunks: Buffer[] = [];
  for await (const chunk of payload(req.raw)) chunks.push(chunk);
  await setSubresource(core, req.bucket, name, Buffer.concat(chunks).toString('utf8'));
  return sendEmpty(reply, SUBRESOURCES[name]!.putStatus);
}

export async function GetBucketSubresource(core: S3Core, req: S3Request, reply: FastifyReply, name: string): Promise<FastifyReply> {
  const bucket = await requireBucket(core, req.bucket);
  const spec = SUBRESOURCES[name]!;
  const stored = bucket.Subresources[name];
  if (stored === undefined && 'error' in spec.absent) {
    const [code, message, status] = spec.absent.error;
    throw new S3Error(code, message, status, { BucketName: req.bucket });
  }
  const body = stored ?? (spec.absent as { body: string }).body;
  return withIds(reply).code(200).header('content-type', spec.contentType).send(body);
}

export async function DeleteBucketSubresource(core: S3Core, req: S3Request, reply: FastifyReply, name: string): Promise<FastifyReply> {
  await setSubresource(core, req.bucket, name, undefined);
  return sendEmpty(reply, 204);
}
