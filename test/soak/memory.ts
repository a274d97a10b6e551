import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ProbeSample } from './probe.js';

// How the soak judges the emulator's memory. Measured (RELIABILITY.md "Soak"): the live JavaScript set is flat, and
// the resident size that grows is file-backed: LevelDB reads its table files through mmap (up to 1000 files on 64-bit,
// leveldb env_posix.cc kDefaultMmapLimit), so every page of stored data it reads counts in RSS as page cache the kernel
// can drop, at most the size of the table files. So the verdict takes each part on its own:
//   - live memory (V8 heap after a full collection, plus external: Buffers) after warm-up may rise by what warm-up
//     still adds (WARMUP_MB) plus MAX_GROWTH_PER_REQUEST per request served: a leak of anything a request leaves
//     behind grows with the requests, whatever the machine's speed;
//   - anonymous RSS (V8 heaps, malloc, LevelDB's caches) must stay within ANON_SLACK_MB of where warm-up left it;
//   - file-backed RSS within FILE_SLACK_MB plus the data dir's size of where warm-up left it.

/** Live bytes a request may leave behind after warm-up: the live set's least-squares slope against requests served.
 * The 10-minute run of 2026-12-04 shows about 1 (its live heap stayed within 43.9-44.4 MB over its last 480k requests). */
export const MAX_GROWTH_PER_REQUEST = 32;
/** What warm-up may still add after the first third: V8 keeps compiling code and filling feedback for a minute or more
 * (code and old space grow by 2-2.5 MB from the first sample of a 45 s run to its last), a one-time amount where a
 * leak grows with every request. */
const WARMUP_MB = 3;
/** LevelDB's block cache (8 MB) and memtable (4 MB, two while one is written out) fill as the data grows; the
 * function's worker threads (up to 4, a V8 heap each) are replaced on every template save; V8's heap breathes. */
const ANON_SLACK_MB = 48;
/** The node binary's and libraries' pages not yet touched when warm-up ended. */
const FILE_SLACK_MB = 16;

export interface Sample {
  /** Seconds since the load started. */
  at: number;
  /** Requests served so far. */
  requests: number;
  /** MB: the V8 heap's used size right after a full collection, and V8's external memory (Buffers). */
  heap: number;
  external: number;
  /** MB: the child's anonymous and file-backed resident memory (/proc/<pid>/status RssAnon, RssFile). */
  anon: number;
  file: number;
  /** MB: the data dir's files. */
  data: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function sampleMemory(pid: number, dataDir: string, probe: () => Promise<ProbeSample>, at: number, requests: number): Promise<Sample> {
  const live = await probe();
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { at, requests, heap: mb(live.heapUsed), external: mb(live.external), anon: kB('RssAnon'), file: kB('RssFile'), data: mb(sizeOf(dataDir)) };
}

function sizeOf(dir: string): number {
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    try {
      const stat = statSync(path.join(dir, name));
      if (stat.isFile()) bytes += stat.size;
    } catch {
      // LevelDB deleted it (a compaction) between the listing and the stat.
    }
  }
  return bytes;
}

export interface Verdict {
  flat: boolean;
  lines: string[];
}

/** Warm-up is the first third of the samples (JIT code, LevelDB's caches, V8's heap sizing settle in it). */
export function judgeMemory(samples: Sample[], maxGrowth: number): Verdict {
  const warm = samples.slice(Math.ceil(samples.length / 3));
  const first = warm[0];
  if (warm.length < 3 || !first) return { flat: false, lines: [`memory: ${warm.length} samples after warm-up, 3 needed`] };
  const live = (s: Sample) => s.heap + s.external;
  const growth = slope(warm.map((s) => [s.requests, live(s) * 1024 * 1024]));
  const served = warm.at(-1)!.requests - first.requests;
  const rise = mb(growth * served);
  const allowed = WARMUP_MB + mb(maxGrowth * served);
  const anonPeak = Math.max(...warm.map((s) => s.anon));
  const fileOver = Math.max(...warm.map((s) => s.file - first.file - s.data));
  const last = warm.at(-1)!;
  const checks: Array<[boolean, string]> = [
    [rise <= allowed, `live memory (heap after a full GC + external) after warm-up, ${warm.length} samples from ` +
      `${first.at.toFixed(0)} s: ${warm.map((s) => live(s).toFixed(1)).join(', ')} MB; fitted rise ${rise.toFixed(2)} MB ` +
      `over ${served} requests (${growth.toFixed(1)} bytes each); bound ${WARMUP_MB} MB + ${maxGrowth} bytes per request = ` +
      `${allowed.toFixed(2)} MB`],
    [anonPeak - first.anon <= ANON_SLACK_MB, `RSS anonymous: ${first.anon.toFixed(1)} MB at ${first.at.toFixed(0)} s, ` +
      `peak ${anonPeak.toFixed(1)} MB after (bound +${ANON_SLACK_MB} MB)`],
    [fileOver <= FILE_SLACK_MB, `RSS file-backed (LevelDB's mapped tables): ${first.file.toFixed(1)} -> ${last.file.toFixed(1)} MB ` +
      `with the data dir ${first.data.toFixed(1)} -> ${last.data.toFixed(1)} MB; growth beyond the data dir's size at most ` +
      `${fileOver.toFixed(1)} MB (bound ${FILE_SLACK_MB})`],
  ];
  const flat = checks.every(([ok]) => ok);
  const lines = checks.map(([ok, line]) => `${ok ? 'ok  ' : 'FAIL'} ${line}`);
  return { flat, lines: [...lines, `memory ${flat ? 'FLAT' : 'GROWING'} after warm-up`] };
}

/** Least-squares slope of (x, y) points. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}
