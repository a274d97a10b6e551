// `npm run soak [-- --seconds N --concurrency C --seed S --max-slope MB_PER_MIN]`: a bounded mixed load against the
// real CLI in a child process (sign-ups and confirmations, sign-ins, refreshes, attribute updates, group changes,
// GetUser, calls through a COGNITO_USER_POOLS-authorized route, a template save every 20 s). Every 10 s it prints
// requests/s by kind, errors by kind, and the child's RSS and V8 heap; at the end, whether memory is flat after
// warm-up. Exit code 1 on any failed request or memory growth past the bound. Not part of the test suite.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CODE, Load, newCounters, random, type Counters } from './load.js';
import { GROUP, POOL_ID, writeProject } from './project.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '600' },
    concurrency: { type: 'string', default: '4' },
    seed: { type: 'string', default: String(Date.now() % 1e9) },
    'max-slope': { type: 'string', default: '2' },
  },
});
const [SECONDS, CONCURRENCY, SEED, MAX_SLOPE] = [values.seconds, values.concurrency, values.seed, values['max-slope']].map(Number) as [number, number, number, number];
if (![SECONDS, CONCURRENCY, SEED].every((n) => Number.isInteger(n) && n > 0) || !(MAX_SLOPE > 0)) {
  console.error('usage: run.ts [--seconds 600] [--concurrency 4] [--seed N] [--max-slope 2 (MB per minute of live heap, else RSS)]');
  process.exit(2);
}
const WINDOW_MS = 10_000;
const SAVE_EVERY_MS = 20_000;
const ROOT = path.resolve(import.meta.dirname, '../..');
const mb = (bytes: number) => bytes / 1024 / 1024;

const scratch = await mkdtemp(path.join(tmpdir(), 'cogniform-soak-'));
const project = writeProject(path.join(scratch, 'project'));
console.log(`soak: ${SECONDS} s, concurrency ${CONCURRENCY}, seed ${SEED} (rerun with --seed ${SEED}); data in ${scratch}`);

// --trace-gc prints each collection's heap before -> after; the main isolate's major ones (Mark-Compact) give the
// live heap without an endpoint of our own. Lambda worker threads are isolates of their own, with other addresses.
const child = spawn(process.execPath, [
  '--trace-gc', '--import', 'tsx', 'bin/cogniform.ts', 'start', path.join(scratch, 'project'),
  '--port', '0', '--host', '127.0.0.1', '--data-dir', path.join(scratch, 'data'), '--code', CODE,
], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('COGNIFORM_'))) });
let url: string | undefined;
let mainIsolate: string | undefined;
/** The smallest heap after a collection of the main isolate in this window: live data plus what old space has not
 * yet collected; it creeps up with a leak, whereas the last value alone swings with the allocation rate. */
let windowHeap: number | undefined;
/** (seconds since the load started, MB) after each major collection of the main isolate: the live set. */
const liveHeap: Array<[number, number]> = [];
let loadStarted = Date.now();
let childErrorLines = 0;
const childErrors: string[] = [];
createInterface({ input: child.stdout! }).on('line', (line) => {
  url ??= /listening on (http:\/\/\S+:\d+)/.exec(line)?.[1];
  const gc = /^\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: (\S+)(?: \([^)]*\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
  if (!gc) return;
  mainIsolate ??= gc[1];
  if (gc[1] !== mainIsolate) return;
  windowHeap = Math.min(windowHeap ?? Infinity, Number(gc[3]));
  if (gc[2] === 'Mark-Compact') liveHeap.push([(Date.now() - loadStarted) / 1000, Number(gc[3])]);
});
createInterface({ input: child.stderr! }).on('line', (line) => {
  childErrorLines++;
  if (childErrors.length < 20) childErrors.push(line);
});
const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
process.on('exit', () => child.kill('SIGKILL'));

async function waitHealthy(): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (url && (await fetch(`${url}/_cogniform/health`).then((r) => r.status === 200, () => false))) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`cogniform did not start:\n${childErrors.join('\n')}`);
}

const rssMb = () => mb(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024);

const endpoint = await waitHealthy();
const { routes } = (await (await fetch(`${endpoint}/_cogniform/routes`)).json()) as { routes: Array<{ path: string; url: string }> };
const me = routes.find((r) => r.path === '/me');
if (!me) throw new Error(`no /me route in ${JSON.stringify(routes)}`);

const totals = newCounters();
const load = new Load(endpoint, me.url.replace('http://localhost:', `${endpoint.replace(/:\d+$/, '')}:`), random(SEED), newCounters(), totals);
const started = Date.now();
loadStarted = started;
const deadline = started + SECONDS * 1000;
let saves = 0;

const workers = Array.from({ length: CONCURRENCY }, async () => {
  while (Date.now() < deadline) await load.step();
});
const saver = (async () => {
  while (Date.now() + SAVE_EVERY_MS < deadline) {
    await sleepUntil(Math.min(deadline, Date.now() + SAVE_EVERY_MS));
    await load.request('templateSave', async () => void project.save(++saves));
  }
})();

interface Sample {
  at: number;
  rss: number;
  heap: number | undefined;
}
const samples: Sample[] = [];
const reporter = (async () => {
  for (let at = started + WINDOW_MS; at <= deadline; at += WINDOW_MS) {
    await sleepUntil(at);
    const window = load.counters;
    load.counters = newCounters();
    const sample = { at: (Date.now() - started) / 1000, rss: rssMb(), heap: windowHeap };
    windowHeap = undefined;
    samples.push(sample);
    console.log(report(sample, window, WINDOW_MS / 1000));
  }
})();

await Promise.all([...workers, saver, reporter]);
const failures = [...totals.failed.values()].reduce((a, b) => a + b, 0);
// The last save must have been reconciled: the group carries its description.
await load.request('templateSave', async () => {
  const until = Date.now() + 15_000;
  let description: string | undefined;
  while (Date.now() < until) {
    const answer = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetGroup' },
      body: JSON.stringify({ UserPoolId: POOL_ID, GroupName: GROUP }),
    }).then((r) => r.json() as Promise<{ Group?: { Description?: string } }>);
    description = answer.Group?.Description;
    if (description === `template save ${saves}`) return undefined;
    await sleepUntil(Date.now() + 200);
  }
  return `the last save (${saves}) was not reconciled: description ${JSON.stringify(description)}`;
});

child.kill('SIGTERM');
const exitCode = await exited;
await rm(scratch, { recursive: true, force: true });

const total = [...totals.requests.values()].reduce((a, b) => a + b, 0);
const warm = samples.slice(Math.floor(samples.length / 3));
const rssSlope = slope(warm.map((s) => [s.at, s.rss]));
// The RSS and the per-window heap follow V8's sawtooth (old space grows until a major GC), so a short run's slope of
// them swings either way; the heap after each major GC after warm-up is the live set, and decides when there are
// enough of them. A leak shows as that floor rising.
const warmLive = liveHeap.filter(([at]) => at >= SECONDS / 3);
const liveSlope = warmLive.length >= 3 ? slope(warmLive) : undefined;
const flat = (liveSlope ?? rssSlope) <= MAX_SLOPE;
console.log(`\nsoak done: ${total} requests in ${SECONDS} s (${(total / SECONDS).toFixed(1)}/s), ${saves} template saves, seed ${SEED}`);
console.log(`  by kind: ${[...totals.requests].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`  failed: ${failures ? [...totals.failed].map(([k, n]) => `${k} ×${n}`).join('; ') : 'none'}`);
console.log(`  child stderr lines: ${childErrorLines}${childErrors.length ? `\n    ${childErrors.join('\n    ')}` : ''}; exit code ${exitCode}`);
console.log(`  RSS ${samples[0]?.rss.toFixed(1)} MB at ${samples[0]?.at.toFixed(0)} s -> ${samples.at(-1)?.rss.toFixed(1)} MB at the end; ` +
  `slope after warm-up (last two thirds, ${warm.length} samples): ${rssSlope.toFixed(2)} MB/min (bound ${MAX_SLOPE})`);
console.log(`  V8 heap after major GCs (live set) after warm-up: ${warmLive.map(([, mb]) => mb.toFixed(1)).join(', ') || 'none'} MB; ` +
  `slope ${liveSlope === undefined ? 'n/a (fewer than 3: RSS slope decides)' : `${liveSlope.toFixed(2)} MB/min (bound ${MAX_SLOPE})`}`);
console.log(`  memory ${flat ? 'FLAT' : 'GROWING'} after warm-up`);
process.exit(failures === 0 && flat && exitCode === 0 ? 0 : 1);

function report(sample: Sample, window: Counters, seconds: number): string {
  const count = [...window.requests.values()].reduce((a, b) => a + b, 0);
  const kinds = [...window.requests].map(([k, n]) => `${k} ${(n / seconds).toFixed(1)}`).join(' ');
  const errors = window.failed.size ? [...window.failed].map(([k, n]) => `${k} ×${n}`).join('; ') : 'none';
  const heap = sample.heap === undefined ? 'n/a' : `${sample.heap.toFixed(1)} MB`;
  return `[${sample.at.toFixed(0).padStart(4)} s] ${(count / seconds).toFixed(1)} req/s (${kinds}) | errors: ${errors} | ` +
    `RSS ${sample.rss.toFixed(1)} MB, heap ${heap}`;
}

/** Least-squares slope of (seconds, MB) points, in MB per minute. */
function slope(points: Array<[number, number]>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return (sxy / sxx) * 60;
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}
