import type { Readable } from 'node:stream';

/** Calls `line` for each line a stream writes; a last line without its newline comes out when the stream ends. */
export function forEachLine(stream: Readable, line: (text: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) line(part.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (pending) line(pending);
    pending = '';
  });
}
