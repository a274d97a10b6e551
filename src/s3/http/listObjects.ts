import type { FastifyReply } from 'fastify';
import { encodeKey, HIGHEST } from '../../store/keys.js';
import { requireBucket, type S3Core } from '../core.js';
import { invalidArgument } from '../errors.js';
import type { ObjectRecord } from '../model.js';
import { isoDate, sendXml, type S3Request } from './protocol.js';
import { OWNER_ID } from './buckets.js';

// ListObjectsV2 (`?list-type=2`) and ListObjects (v1, `marker`): keys in UTF-8 byte order (the store's order), under
// `prefix`; with a `delimiter`, keys sharing the text up to the next delimiter roll up into one CommonPrefixes entry,
// and MaxKeys (default and cap 1000) counts both (S3 API reference, ListObjectsV2 and ListObjects).

interface Listing {
  contents: ObjectRecord[];
  commonPrefixes: string[];
  truncated: boolean;
  /** Where the next page starts: strictly after this key, or after every key under this common prefix. */
  resume?: { key: string; prefix: boolean };
}

async function list(core: S3Core, bucket: string, prefix: string, delimiter: string, maxKeys: number, after?: { key: string; prefix: boolean }): Promise<Listing> {
  const listing: Listing = { contents: [], commonPrefixes: [], truncated: false };
  // A start past every key under the prefix leaves nothing (the store would ignore a cursor outside the range).
  if (after && !after.key.startsWith(prefix) && Buffer.compare(Buffer.from(after.key), Buffer.from(prefix)) > 0) return listing;
  let cursor = after && encodeKey([bucket, after.key]) + (after.prefix ? HIGHEST : '');
  for (;;) {
    const page = await core.objects.list([bucket], { limit: 200, partial: prefix, after: cursor });
    let skipped = false;
    for (const record of page.items) {
      if (listing.contents.length + listing.commonPrefixes.length === maxKeys) {
        listing.truncated = true;
        return listing;
      }
      const cut = delimiter ? record.Key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const common = record.Key.slice(0, cut + delimiter.length);
        listing.commonPrefixes.push(common);
        listing.resume = { key: common, prefix: true };
        // The rest of this common prefix is skipped in one seek.
        cursor = encodeKey([bucket, common]) + HIGHEST;
        skipped = true;
        break;
      }
      listing.contents.push(record);
      listing.resume = { key: record.Key, prefix: false };
      cursor = encodeKey([bucket, record.Key]);
    }
    if (!skipped && !page.next) return listing;
  }
}

function maxKeysOf(req: S3Request): number {
  const raw = req.query.get('max-keys');
  if (raw === null) return 1000;
  if (!/^\d+$/.test(raw)) throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', raw);
  return Math.min(Number(raw), 1000);
}

/** With `encoding-type=url`, keys and prefixes travel URL-encoded (the AWS CLI asks for it). */
function encoder(req: S3Request): (text: string) => string {
  return req.query.get('encoding-type') === 'url' ? (text) => encodeURIComponent(text).replace(/%2F/g, '/') : (text) => text;
}

function entries(listing: Listing, encode: (text: string) => string, withOwner: boolean) {
  return {
    Contents: listing.contents.map((o) => ({
      Key: encode(o.Key),
      LastModified: isoDate(o.LastModified),
      ETag: o.ETag,
      Size: o.Size,
      ...(withOwner ? { Owner: { ID: OWNER_ID, DisplayName: 'cogniform' } } : {}),
      StorageClass: 'STANDARD',
    })),
    CommonPrefixes: listing.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
  };
}

const token = (resume: { key: string; prefix: boolean }) => Buffer.from(`${resume.prefix ? 'p' : 'k'}${resume.key}`).toString('base64url');

function untoken(value: string): { key: string; prefix: boolean } {
  const text = Buffer.from(value, 'base64url').toString('utf8');
  if (!/^[pk]/.test(text) || Buffer.from(text).toString('base64url') !== value) {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', value);
  }
  return { key: text.slice(1), prefix: text[0] === 'p' };
}

export async function ListObjectsV2(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await requireBucket(core, req.bucket);
  const q = req.query;
  const [prefix, delimiter, startAfter, continuation] = [q.get('prefix') ?? '', q.get('delimiter') ?? '', q.get('start-after') ?? '', q.get('continuation-token')];
  const maxKeys = maxKeysOf(req);
  const resume = continuation !== null ? untoken(continuation) : startAfter ? { key: startAfter, prefix: false } : undefined;
  const listing = await list(core, req.bucket, prefix, delimiter, maxKeys, resume);
  const encode = encoder(req);
  return sendXml(reply, 200, 'ListBucketResult', {
    Name: req.bucket,
    Prefix: encode(prefix),
    ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
    MaxKeys: maxKeys,
    ...(q.has('encoding-type') ? { EncodingType: q.get('encoding-type') } : {}),
    KeyCount: listing.contents.length + listing.commonPrefixes.length,
    ...(continuation !== null ? { ContinuationToken: continuation } : {}),
    ...(startAfter ? { StartAfter: encode(startAfter) } : {}),
    IsTruncated: listing.truncated,
    ...(listing.truncated && listing.resume ? { NextContinuationToken: token(listing.resume) } : {}),
    ...entries(listing, encode, q.get('fetch-owner') === 'true'),
  });
}

/** v1: `marker` resumes after a key; NextMarker is given only with a delimiter (otherwise the last key is the marker). */
export async function ListObjects(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  await requireBucket(core, req.bucket);
  const q = req.query;
  const [prefix, delimiter, marker] = [q.get('prefix') ?? '', q.get('delimiter') ?? '', q.get('marker') ?? ''];
  const maxKeys = maxKeysOf(req);
  // A NextMarker that is a common prefix resumes after everything under it, not inside it again.
  const rolledUp = delimiter !== '' && marker.endsWith(delimiter) && marker.startsWith(prefix);
  const listing = await list(core, req.bucket, prefix, delimiter, maxKeys, marker ? { key: marker, prefix: rolledUp } : undefined);
  const encode = encoder(req);
  return sendXml(reply, 200, 'ListBucketResult', {
    Name: req.bucket,
    Prefix: encode(prefix),
    Marker: encode(marker),
    ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
    MaxKeys: maxKeys,
    ...(q.has('encoding-type') ? { EncodingType: q.get('encoding-type') } : {}),
    IsTruncated: listing.truncated,
    ...(listing.truncated && delimiter && listing.resume ? { NextMarker: encode(listing.resume.key) } : {}),
    ...entries(listing, encode, true),
  });
}
