// `npm run soak [-- --seconds N --concurrency C --seed S --max-growth BYTES --leak-bytes N]`: a bounded mixed load
// against the real CLI in a child process (sign-ups and confirmations, sign-ins, refreshes, attribute updates, group
// changes, GetUser, calls through a COGNITO_USER_POOLS-authorized route, a template save every 20 s). Every window it
// prints requests/s by kind, errors by kind and the child's memory; at the end, the verdict. Exit code 1 on any failed
// request, a line on the child's stderr, an unreconciled last save, or memory growing after warm-up (see memory.ts).
// CI runs it for 45 s (.ci/run); RELIABILITY.md "Soak" has the 10-minute figures.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CODE, Load, newCounters, random, type Counters } from './load.js';
import { judgeMemory, MAX_GROWTH_PER_REQUEST, sampleMemory, type Sample } from './memory.js';
import type { ProbeSample } from './probe.js';
import { GROUP, POOL_ID, writeProject } from './project.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '600' },
    concurrency: { type: 'string', default: '4' },
    seed: { type: 'string', default: String(Date.now() % 1e9) },
    'max-growth': { type: 'string', default: String(MAX_GROWTH_PER_REQUEST) },
    'leak-bytes': { type: 'string', default: '0' },
  },
});
const [SECONDS, CONCURRENCY, SEED, MAX_GROWTH, LEAK] = [values.seconds, values.concurrency, values.seed, values['max-growth'],
  values['leak-bytes']].map(Number) as [number, number, number, number, number];
if (![SECONDS, CONCURRENCY, SEED].every((n) => Number.isInteger(n) && n > 0) || !(MAX_GROWTH > 0) || !(LEAK >= 0) || SECONDS < 30) {
  console.error('usage: run.ts [--seconds 600 (at least 30)] [--concurrency 4] [--seed N] [--max-growth ' +
    `${MAX_GROWTH_PER_REQUEST} (live bytes a request may leave behind after warm-up)] [--leak-bytes 0 (leak per request, on purpose)]`);
  process.exit(2);
}
// Ten samples at least (a short CI run needs some after its warm-up third), one every 10 s at most.
const WINDOW_MS = Math.min(10_000, Math.floor((SECONDS * 1000) / 10));
const SAVE_EVERY_MS = 20_000;
const ROOT = path.resolve(import.meta.dirname, '../..');

const scratch = await mkdtemp(path.join(tmpdir(), 'cogniform-soak-'));
const dataDir = path.join(scratch, 'data');
const project = writeProject(path.join(scratch, 'project'));
console.log(`soak: ${SECONDS} s, concurrency ${CONCURRENCY}, seed ${SEED} (rerun with --seed ${SEED}); data in ${scratch}` +
  (LEAK ? `; leaking ${LEAK} bytes per request on purpose` : ''));

// probe.ts is the harness's hook inside the child (full GC and process.memoryUsage() over the IPC channel).
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('COGNIFORM_') && k !== 'SOAK_PROBE_LEAK'));
const child = spawn(process.execPath, [
  '--expose-gc', '--import', 'tsx', '--import', './test/soak/probe.ts',
  'bin/cogniform.ts', 'start', path.join(scratch, 'project'),
  '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--code', CODE,
], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...env, ...(LEAK ? { SOAK_PROBE_LEAK: String(LEAK) } : {}) } });
let url: string | undefined;
createInterface({ input: child.stdout! }).on('line', (line) => {
  url ??= /listening on (http:\/\/\S+:\d+)/.exec(line)?.[1];
});
let childErrorLines = 0;
const childErrors: string[] = [];
createInterface({ input: child.stderr! }).on('line', (line) => {
  childErrorLines++;
  if (childErrors.length < 20) childErrors.push(line);
});
const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
process.on('exit', () => child.kill('SIGKILL'));
const probeAnswers: Array<(sample: ProbeSample) => void> = [];
child.on('message', (message) => probeAnswers.shift()?.(message as ProbeSample));
const probe = () => new Promise<ProbeSample>((resolve, reject) => {
  if (!child.connected) return reject(new Error(`soak: the emulator exited (code ${child.exitCode}):\n${childErrors.join('\n')}`));
  const timer = setTimeout(() => reject(new Error('soak: the emulator did not answer the memory probe within 10 s')), 10_000);
  probeAnswers.push((sample) => {
    clearTimeout(timer);
    resolve(sample);
  });
  child.send('sample');
});

async function waitHealthy(): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (url && (await fetch(`${url}/_cogniform/health`).then((r) => r.status === 200, () => false))) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`cogniform did not start:\n${childErrors.join('\n')}`);
}

const endpoint = await waitHealthy();
const { routes } = (await (await fetch(`${endpoint}/_cogniform/routes`)).json()) as { routes: Array<{ path: string; url: string }> };
const me = routes.find((r) => r.path === '/me');
if (!me) throw new Error(`no /me route in ${JSON.stringify(routes)}`);

const totals = newCounters();
const load = new Load(endpoint, me.url.replace('http://localhost:', `${endpoint.replace(/:\d+$/, '')}:`), random(SEED), newCounters(), totals);
const started = Date.now();
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

const samples: Sample[] = [];
const reporter = (async () => {
  let windowStart = started;
  for (let at = started + WINDOW_MS; at <= deadline; at += WINDOW_MS) {
    await sleepUntil(at);
    const window = load.counters;
    load.counters = newCounters();
    // Rates over the window as it was: a sample can come late on a loaded machine.
    const seconds = (Date.now() - windowStart) / 1000;
    windowStart = Date.now();
    const sample = await sampleMemory(child.pid!, dataDir, probe, (Date.now() - started) / 1000, sum(totals.requests));
    samples.push(sample);
    console.log(report(sample, window, seconds));
  }
})();

await Promise.all([...workers, saver, reporter]);
const failures = sum(totals.failed);
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

const total = sum(totals.requests);
const memory = judgeMemory(samples, MAX_GROWTH);
console.log(`\nsoak done: ${total} requests in ${SECONDS} s (${(total / SECONDS).toFixed(1)}/s), ${saves} template saves, seed ${SEED}`);
console.log(`  by kind: ${[...totals.requests].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`  failed: ${failures ? [...totals.failed].map(([k, n]) => `${k} ×${n}`).join('; ') : 'none'}`);
console.log(`  child stderr lines: ${childErrorLines}${childErrors.length ? `\n    ${childErrors.join('\n    ')}` : ''}; exit code ${exitCode}`);
for (const line of memory.lines) console.log(`  ${line}`);
const passed = failures === 0 && childErrorLines === 0 && exitCode === 0 && memory.flat;
console.log(`soak ${passed ? 'PASSED' : 'FAILED'}`);
process.exit(passed ? 0 : 1);

function report(sample: Sample, window: Counters, seconds: number): string {
  const kinds = [...window.requests].map(([k, n]) => `${k} ${(n / seconds).toFixed(1)}`).join(' ');
  const errors = window.failed.size ? [...window.failed].map(([k, n]) => `${k} ×${n}`).join('; ') : 'none';
  return `[${sample.at.toFixed(0).padStart(4)} s] ${(sum(window.requests) / seconds).toFixed(1)} req/s (${kinds}) | errors: ${errors} | ` +
    `live heap ${sample.heap.toFixed(1)} MB + external ${sample.external.toFixed(1)} MB, RSS anon ${sample.anon.toFixed(1)} MB + ` +
    `file ${sample.file.toFixed(1)} MB, data dir ${sample.data.toFixed(1)} MB`;
}

function sum(map: Map<string, number>): number {
  return [...map.values()].reduce((a, b) => a + b, 0);
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}
