import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

// SHA-256 and HMAC-SHA256 from node:crypto in the shape @smithy/signature-v4 takes (`sha256` option: a constructor
// whose instances `update` and `digest`, keyed when given a secret), so signing needs no other package.

type SourceData = string | ArrayBuffer | ArrayBufferView;

export class Sha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }

  update(data: SourceData, encoding?: 'utf8' | 'ascii' | 'latin1'): void {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytes(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}
