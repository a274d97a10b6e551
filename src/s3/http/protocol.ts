import type { FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Readable } from 'node:stream';
import { credentialScope } from '../../server/sigv4.js';
import { awsChunkedDecoder, isAwsChunked } from '../awsChunked.js';
import { malformedXml, S3Error } from '../errors.js';

// The S3 REST protocol as cogniform speaks it: path-style `/<bucket>/<key>` (URL-decoded, so keys may hold `/`, `:`
// and spaces), subresources in the query (`?uploads`, `?location`; other query parameters such as SDK v3's
// `x-id=PutObject` are noise), XML bodies and answers in the 2006-03-01 namespace, and `<Error>` documents.

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export interface S3Request {
  method: string;
  bucket: string;
  /** '' for bucket operations (`/b` and `/b/` alike). */
  key: string;
  query: URLSearchParams;
  region: string;
  raw: FastifyRequest;
}

export function parseS3Request(request: FastifyRequest, prefix: string, defaultRegion: string): S3Request {
  const url = request.url.slice(prefix.length);
  const mark = url.indexOf('?');
  const pathPart = (mark < 0 ? url : url.slice(0, mark)).replace(/^\//, '');
  const slash = pathPart.indexOf('/');
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(slash < 0 ? pathPart : pathPart.slice(0, slash));
    key = slash < 0 ? '' : decodeURIComponent(pathPart.slice(slash + 1));
  } catch {
    throw new S3Error('InvalidURI', "Couldn't parse the specified URI.", 400, { URI: request.url });
  }
  const query = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1));
  const scope = credentialScope(header(request, 'authorization'), query.get('X-Amz-Credential') ?? undefined);
  return { method: request.method, bucket, key, query, region: scope?.region ?? defaultRegion, raw: request };
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The request body as a stream of the payload's bytes (aws-chunked framing removed); empty when none was sent. */
export function payload(request: FastifyRequest): Readable | AsyncIterable<Buffer> {
  const body = request.body as Readable | undefined;
  if (!body) return (async function* () {})();
  return isAwsChunked(request.headers) ? body.pipe(awsChunkedDecoder()) : body;
}

/** A small XML request body (CreateBucketConfiguration, Delete, CompleteMultipartUpload), parsed. */
export async function readXml(request: FastifyRequest, arrays: string[] = [], limit = 2 * 1024 * 1024): Promise<Record<string, any> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload(request)) {
    size += chunk.length;
    if (size > limit) throw new S3Error('MaxMessageLengthExceeded', 'Your request was too big.', 400);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return undefined;
  const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: (name) => arrays.includes(name) });
  try {
    return parser.parse(text, true) as Record<string, any>;
  } catch {
    throw malformedXml();
  }
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: false });

/** `<root xmlns=S3>…</root>`: arrays repeat their element (S3 lists are flat), undefined fields are left out. */
export function s3Xml(root: string, body: Record<string, unknown>, namespace = true): string {
  const content = namespace ? { '@xmlns': S3_NAMESPACE, ...body } : body;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: content })}`;
}

export function sendXml(reply: FastifyReply, status: number, root: string, body: Record<string, unknown>): FastifyReply {
  return withIds(reply).code(status).header('content-type', 'application/xml').send(s3Xml(root, body));
}

export function sendEmpty(reply: FastifyReply, status: number): FastifyReply {
  return withIds(reply).code(status).send();
}

export function withIds(reply: FastifyReply): FastifyReply {
  return reply.header('x-amz-request-id', reply.request.id).header('x-amz-id-2', Buffer.from(reply.request.id).toString('base64'));
}

/** S3's error document; a HEAD answer has the status and no body (S3 API reference, HeadObject/HeadBucket). */
export function sendError(reply: FastifyReply, error: S3Error): FastifyReply {
  if (reply.request.method === 'HEAD') return sendEmpty(reply.header('x-amz-error-code', error.code), error.statusCode);
  const body = { Code: error.code, Message: error.message, ...error.details, RequestId: reply.request.id, HostId: Buffer.from(reply.request.id).toString('base64') };
  return withIds(reply).code(error.statusCode).header('content-type', 'application/xml').send(s3Xml('Error', body, false));
}

export const httpDate = (ms: number) => new Date(ms).toUTCString();
export const isoDate = (ms: number) => new Date(ms).toISOString();
