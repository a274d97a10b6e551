// Loaded into the soak's emulator child with `--expose-gc --import ./test/soak/probe.ts`: the harness's own hook into
// the process it measures, over the IPC channel spawn() opens (no HTTP endpoint, nothing in src/). On 'sample' it runs
// a full collection and answers with process.memoryUsage(): heapUsed is then the live JavaScript set, and external /
// arrayBuffers the native memory V8 knows about (Buffers), which separates a JavaScript leak from native growth.
//
// SOAK_PROBE_LEAK=<bytes> makes the child leak on purpose, half on the V8 heap and half in Buffers, for every HTTP
// request it serves: how `npm run soak -- --leak-bytes N` shows that the verdict fails a real leak.
import http from 'node:http';

export interface ProbeSample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!process.send || !gc) throw new Error('probe.ts: needs an IPC channel (spawn stdio "ipc") and --expose-gc');
const send = process.send.bind(process);

process.on('message', (message) => {
  if (message !== 'sample') return;
  gc();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  send({ rss, heapUsed, heapTotal, external, arrayBuffers } satisfies ProbeSample);
});
// The CLI exits by itself on SIGTERM; the channel must not hold it open.
process.channel?.unref();

const leak = Number(process.env.SOAK_PROBE_LEAK ?? 0);
if (leak > 0) {
  const kept: unknown[] = [];
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'request') kept.push({ heap: 'x'.repeat(leak / 2) + kept.length, native: Buffer.alloc(leak / 2, 1) });
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
