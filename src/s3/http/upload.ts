import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { crc32 } from 'node:zlib';
import type { S3Core } from '../core.js';
import { badDigest, S3Error } from '../errors.js';
import type { WrittenBody } from '../files.js';
import { STORED_HEADERS } from '../model.js';
import type { ObjectAttributes } from '../objects.js';
import { header, payload, type S3Request } from './protocol.js';

// What PutObject, UploadPart and CreateMultipartUpload read from a request: the body, written to a file and checked
// against the digests the client sent, and the attributes an object keeps.

/** The checksum headers S3 can verify here, with the digest each names (S3 User Guide, "Checking object integrity"). */
const CHECKSUMS: Record<string, { label: string; digest: () => { update(b: Buffer): void; result(): string } }> = {
  'x-amz-checksum-crc32': {
    label: 'CRC32',
    digest: () => {
      let value = 0;
      return { update: (b) => void (value = crc32(b, value)), result: () => {
        const bytes = Buffer.alloc(4);
        bytes.writeUInt32BE(value >>> 0);
        return bytes.toString('base64');
      } };
    },
  },
  'x-amz-checksum-sha1': { label: 'SHA1', digest: () => hashDigest('sha1') },
  'x-amz-checksum-sha256': { label: 'SHA256', digest: () => hashDigest('sha256') },
};

function hashDigest(algorithm: string) {
  const hash = createHash(algorithm);
  return { update: (b: Buffer) => void hash.update(b), result: () => hash.digest('base64') };
}

/** Streams the request's payload to a body file; a digest that does not match (Content-MD5, x-amz-checksum-*) fails it. */
export async function receiveBody(core: S3Core, req: S3Request): Promise<WrittenBody> {
  const contentMd5 = header(req.raw, 'content-md5');
  if (contentMd5 !== undefined && Buffer.from(contentMd5, 'base64').length !== 16) {
    throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was not valid.', 400);
  }
  const checks = Object.entries(CHECKSUMS)
    .filter(([name]) => header(req.raw, name) !== undefined)
    .map(([name, spec]) => ({ expected: header(req.raw, name)!, label: spec.label, digest: spec.digest() }));
  const observers = checks.map(
    ({ digest }) => new Transform({ transform: (chunk: Buffer, _e, done) => (digest.update(chunk), done(null, chunk)) }),
  );
  const body = await core.files.write(payload(req.raw), observers);
  const failure = bodyFailure(req, body, contentMd5, checks.map((c) => ({ ...c, actual: c.digest.result() })));
  if (failure) {
    await core.files.remove([body.file]);
    throw failure;
  }
  return body;
}

function bodyFailure(req: S3Request, body: WrittenBody, contentMd5: string | undefined, checks: { expected: string; actual: string; label: string }[]): S3Error | undefined {
  const decoded = header(req.raw, 'x-amz-decoded-content-length');
  if (decoded !== undefined && Number(decoded) !== body.size) {
    return new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400);
  }
  if (contentMd5 !== undefined && contentMd5 !== body.md5.toString('base64')) {
    return new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400);
  }
  const wrong = checks.find((c) => c.expected !== c.actual);
  return wrong ? badDigest(wrong.label) : undefined;
}

/** The checksum headers the client sent, echoed back as S3 does on PutObject and UploadPart. */
export function checksumHeaders(req: S3Request): Record<string, string> {
  return Object.fromEntries(
    Object.keys(req.raw.headers)
      .filter((name) => name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-type')
      .map((name) => [name, header(req.raw, name)!]),
  );
}

/** Content-Type (S3's default `binary/octet-stream`), `x-amz-meta-*` and the other headers an object keeps. */
export function objectAttributes(req: S3Request): ObjectAttributes {
  const headers = req.raw.headers;
  const metadata: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = header(req.raw, name)!;
  }
  const kept: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    let value = header(req.raw, name);
    // aws-chunked is how the body travelled, not how the object is encoded (S3 drops it).
    if (name === 'content-encoding' && value) value = value.split(',').map((e) => e.trim()).filter((e) => e && e !== 'aws-chunked').join(',');
    if (value) kept[name] = value;
  }
  return { ContentType: header(req.raw, 'content-type') || 'binary/octet-stream', Metadata: metadata, Headers: kept };
}
