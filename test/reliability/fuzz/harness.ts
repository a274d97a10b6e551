import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import * as assert from 'uvu/assert';
import type { TestEmulator } from '../../helpers/emulator.js';

// What every fuzz test shares: one seed for the whole family (FUZZ_SEED, else a fixed one, so the default run is
// the same every time and cannot flake; FUZZ_SEED=random draws one and prints it), runs per property scaled by
// FUZZ_RUNS (default 1: the suite's budget; `FUZZ_RUNS=20` for a long run), a request that cannot hang, and a
// snapshot of the whole database for "a rejected request changes nothing".

const seedSetting = process.env.FUZZ_SEED;
export const SEED = seedSetting === 'random' ? Date.now() % 2 ** 31 : Number(seedSetting ?? 20_240_608);
const SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1));
if (seedSetting === 'random') console.log(`[fuzz] FUZZ_SEED=${SEED}`);

/** fast-check parameters for a property with `runs` runs in the default suite. */
export function params(runs: number): fc.Parameters<unknown> {
  // fast-check's failure report carries the seed, the path and the shrunk counterexample.
  return { seed: SEED, numRuns: runs * SCALE, endOnFailure: true, includeErrorInReport: true };
}

/** Requests sent and time taken, per family, printed at the end of each test file for RELIABILITY.md. */
export class Figures {
  requests = 0;
  private readonly started = performance.now();
  constructor(private readonly name: string) {}
  report(extra = ''): void {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    console.log(`[fuzz] ${this.name}: ${this.requests} requests in ${seconds} s, seed ${SEED}, runs x${SCALE}${extra ? `, ${extra}` : ''}`);
  }
}

const HANG_MS = 10_000;

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

/** `app.inject`, failing (not hanging) when no answer comes within 10 s. */
export async function send(emulator: TestEmulator, request: InjectOptions, figures?: Figures): Promise<Answer> {
  if (figures) figures.requests++;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${HANG_MS} ms to ${request.method} ${request.url}`)), HANG_MS);
  });
  try {
    const response = await Promise.race([emulator.app.inject(request), timeout]);
    return { status: response.statusCode, body: response.body, headers: response.headers };
  } finally {
    clearTimeout(timer);
  }
}

/** A 4xx with an AWS JSON error body: `__type` and `message` strings, and the type in x-amzn-ErrorType. */
export function assertJsonError(answer: Answer, what: string): { __type: string; message: string } {
  assert.ok(answer.status >= 400 && answer.status < 500, `${what}: answered ${answer.status} ${answer.body.slice(0, 300)}`);
  let body: { __type?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(answer.body);
  } catch {
    // Not JSON: the __type check below fails and shows the body.
  }
  assert.type(body.__type, 'string', `${what}: no __type in ${answer.body.slice(0, 300)}`);
  assert.type(body.message, 'string', `${what}: no message in ${answer.body.slice(0, 300)}`);
  assert.is(answer.headers['x-amzn-errortype'], body.__type, `${what}: x-amzn-ErrorType`);
  return body as { __type: string; message: string };
}

/** Anything but a 5xx; a 4xx must be an AWS JSON error. */
export function assertNotServerError(answer: Answer, what: string): void {
  assert.ok(answer.status < 500, `${what}: answered ${answer.status} ${answer.body.slice(0, 300)}`);
  if (answer.status >= 400) assertJsonError(answer, what);
}

/** Every key and value in the database, in order. */
export async function snapshot(emulator: TestEmulator): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  for await (const [key, value] of emulator.store.db.iterator()) entries.set(String(key), String(value));
  return entries;
}

/** The keys added, removed or changed between two snapshots (readable: NULs shown as `!`). */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const show = (key: string) => key.replace(/\x00/g, '!');
  const changed: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) changed.push(`added ${show(key)}`);
    else if (before.get(key) !== value) changed.push(`changed ${show(key)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${show(key)}`);
  return changed;
}
