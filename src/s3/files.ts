import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Object and part bodies as files under the objects dir, never held in memory: `data/<uuid>` once complete,
// `tmp/<uuid>` while being written. A body is written to tmp and renamed into data only when whole, so a reader
// never sees half a body; its metadata is committed after the rename, and an overwritten body's file is removed
// after the new metadata is committed (a crash in between leaves an unreferenced file, never a missing one).

export interface WrittenBody {
  file: string;
  size: number;
  md5: Buffer;
}

export interface BodyFiles {
  /** Streams `source` (passing through `observers`, which see every byte) to a new file. */
  write(source: Readable | AsyncIterable<Buffer>, observers?: Transform[]): Promise<WrittenBody>;
  /** Concatenates `files` into a new one (CompleteMultipartUpload). */
  concat(files: string[]): Promise<WrittenBody>;
  read(file: string, range?: { start: number; end: number }): Readable;
  readAll(file: string): Promise<Buffer>;
  remove(files: string[]): Promise<void>;
  /** Removes every body. */
  clear(): Promise<void>;
}

export function bodyFiles(root: string): BodyFiles {
  const data = path.join(root, 'data');
  const tmp = path.join(root, 'tmp');
  // Leftovers of writes a crash interrupted are dropped at start.
  const ready = rm(tmp, { recursive: true, force: true }).then(() => Promise.all([mkdir(data, { recursive: true }), mkdir(tmp, { recursive: true })]));

  async function store(fill: (out: NodeJS.WritableStream, md5: Transform) => Promise<void>): Promise<WrittenBody> {
    await ready;
    const file = randomUUID();
    const temp = path.join(tmp, file);
    const hash = createHash('md5');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await fill(createWriteStream(temp), counter);
      await rename(temp, path.join(data, file));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { file, size, md5: hash.digest() };
  }

  return {
    write: (source, observers = []) =>
      store((out, counter) => (pipeline as (...streams: unknown[]) => Promise<void>)(source, ...observers, counter, out)),
    concat: (files) =>
      store(async (out, counter) => {
        async function* bodies() {
          for (const file of files) yield* createReadStream(path.join(data, file));
        }
        await pipeline(bodies(), counter, out);
      }),
    read: (file, range) => createReadStream(path.join(data, file), range),
    readAll: (file) => readFile(path.join(data, file)),
    async remove(files) {
      await Promise.all(files.map((file) => unlink(path.join(data, file)).catch(() => {})));
    },
    async clear() {
      await ready;
      await rm(data, { recursive: true, force: true });
      await mkdir(data, { recursive: true });
    },
  };
}
