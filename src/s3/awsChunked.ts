import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from './errors.js';

// The aws-chunked content encoding (SigV4 streaming uploads, "Signature Calculations for the Authorization Header:
// Transferring Payload in Multiple Chunks" and the trailer variant in the S3 API reference): the body is a series of
// `<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n`, ending with a zero-size chunk, then optional trailer lines
// (`x-amz-checksum-crc32:<b64>`, `x-amz-trailer-signature:<sig>`) and an empty line. Signatures are not checked
// (cogniform accepts any credentials); the decoded bytes are the object.

/** Whether a request's body is aws-chunked: a streaming payload hash, or the content encoding naming it. */
export function isAwsChunked(headers: Record<string, string | string[] | undefined>): boolean {
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  const encoding = String(headers['content-encoding'] ?? '');
  return sha.startsWith('STREAMING-') || encoding.split(',').some((e) => e.trim() === 'aws-chunked');
}

const incomplete = () => new S3Error('IncompleteBody', 'The request body terminated unexpectedly', 400);
const MAX_LINE = 4096;

export function awsChunkedDecoder(): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let remaining = 0;
  let state: 'size' | 'data' | 'crlf' | 'trailer' | 'done' = 'size';

  /** The next `\r\n`-terminated line of `pending`, or undefined until one has arrived. */
  function line(): string | undefined {
    const end = pending.indexOf('\r\n');
    if (end < 0) {
      if (pending.length > MAX_LINE) throw incomplete();
      return undefined;
    }
    const text = pending.subarray(0, end).toString('latin1');
    pending = pending.subarray(end + 2);
    return text;
  }

  function decode(push: (chunk: Buffer) => void): void {
    for (;;) {
      if (state === 'data') {
        if (!pending.length) return;
        const take = Math.min(remaining, pending.length);
        push(pending.subarray(0, take));
        pending = pending.subarray(take);
        remaining -= take;
        if (remaining === 0) state = 'crlf';
        continue;
      }
      if (state === 'done') return;
      if (state === 'crlf') {
        if (pending.length < 2) return;
        if (pending[0] !== 0x0d || pending[1] !== 0x0a) throw incomplete();
        pending = pending.subarray(2);
        state = 'size';
        continue;
      }
      const text = line();
      if (text === undefined) return;
      if (state === 'trailer') {
        if (text === '') state = 'done';
        continue;
      }
      const hex = text.split(';')[0]!.trim();
      if (!/^[0-9a-fA-F]+$/.test(hex)) throw incomplete();
      remaining = parseInt(hex, 16);
      state = remaining === 0 ? 'trailer' : 'data';
    }
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      try {
        decode((data) => this.push(data));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      // The final zero-size chunk must have come; its trailer section may end without its last empty line.
      done(state === 'trailer' || state === 'done' ? null : incomplete());
    },
  });
}
