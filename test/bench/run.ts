// `npm run bench`: AdminCreateUser and AdminGetUser throughput and latency of cogniform and cognito-local, side by
// side, in one run. Not a test: it takes many minutes and prints its progress. See BENCHMARKS.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cogniform, cogniformCommand } from './cogniform.js';
import { cognitoLocal, COGNITO_LOCAL_VERSION, ensureCognitoLocal } from './cognitoLocal.js';
import { runLoad, type LoadSpec } from './load.js';
import { describeMachine, machineCpuSeconds, modexpPerSecond } from './machine.js';
import { renderMarkdown, summarize, type BenchOperation, type Measurement, type Round, type RunInfo } from './report.js';
import { createUserBody, existingUser, getUserBody, type Prepared, type System } from './workload.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,100000' },
    concurrency: { type: 'string', default: '8,32' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    systems: { type: 'string', default: 'cogniform,cognito-local' },
    /** Directory for cogniform's CPU profiles (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const list = (s: string) => s.split(',').map((v) => Number(v.trim()));
const SIZES = list(values.sizes);
const CONCURRENCY = list(values.concurrency);
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const GET_OPS = 5000;
// A create round adds users, and cognito-local's cost grows with them. At small sizes each round gets its own pool,
// filled with size - ops/2 users, so that it holds `size` users on average during the round (750 -> 1,250 for
// "1k"); at large sizes the rounds share the one pool and add a small share of it.
const freshPoolPerRound = (size: number) => size <= 10_000;
const createOps = (size: number) => (freshPoolPerRound(size) ? Math.max(2, Math.floor(size / 2)) : 1000);
/** Pool 0 (AdminGetUser's) holds `size`; at small sizes, one pool per create round (warm-up included) follows. */
const poolSizes = (size: number) =>
  freshPoolPerRound(size) ? [size, ...Array<number>(CONCURRENCY.length * (ROUNDS + 1)).fill(size - Math.floor(createOps(size) / 2))] : [size];
const WARMUP = { ops: 200, seconds: 3 };

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
const systems: System[] = [cogniform(profileArgs), cognitoLocal].filter((s) => values.systems.split(',').includes(s.name));
if (![...SIZES, ...CONCURRENCY, ROUNDS, SECONDS].every((n) => Number.isInteger(n) && n > 0) || !systems.length) {
  console.error('bench: --sizes, --concurrency (comma-separated), --rounds and --seconds take positive integers; --systems is cogniform, cognito-local or both');
  process.exit(2);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(`${machine.cpus} CPUs (${machine.cpuModel}), ${machine.ramGiB} GiB, Node ${machine.node}`);
  if (systems.some((s) => s.name === 'cognito-local')) ensureCognitoLocal(log);
  log('measuring native 3072-bit modexp on one core ...');
  const modexp = modexpPerSecond();
  log(`  ${modexp.toFixed(0)} verifiers/s`);

  const measurements: Measurement[] = [];
  const preload: Record<string, string> = {};
  const workRoot = mkdtempSync(path.join(tmpdir(), 'cogniform-bench-'));
  try {
    for (const size of SIZES) {
      for (const system of systems) {
        const workDir = path.join(workRoot, `${system.name}-${size}`);
        mkdirSync(workDir, { recursive: true });
        const pools = poolSizes(size);
        log(`${system.name}: starting with ${pools.length} pool(s) (${[...new Set(pools)].join(' and ')} users) ...`);
        const prepared = await system.prepare(workDir, pools, log);
        preload[system.name] = prepared.preload;
        try {
          measurements.push(...(await measure(system.name, size, prepared)));
        } finally {
          await prepared.server.stop();
        }
      }
    }
  } finally {
    if (values.keep) log(`work files kept in ${workRoot}`);
    else rmSync(workRoot, { recursive: true, force: true });
  }

  const info: RunInfo = {
    command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    date: new Date().toISOString().slice(0, 10),
    machine,
    modexpPerSec: modexp,
    cogniformFrom: cogniformCommand().from,
    cognitoLocalVersion: COGNITO_LOCAL_VERSION,
    preload,
    rounds: ROUNDS,
    bounds:
      `a round is ${GET_OPS} AdminGetUser calls or ${SECONDS} s, whichever ends first; AdminCreateUser rounds are ` +
      SIZES.map((s) =>
        freshPoolPerRound(s)
          ? `${createOps(s)} calls at ${s} users, each round on its own pool filled with ${s - Math.floor(createOps(s) / 2)} (so ${s} on average)`
          : `${createOps(s)} calls at ${s} users, all rounds on the one pool`,
      ).join('; ') +
      `, or ${SECONDS} s`,
  };
  const markdown = renderMarkdown(info, measurements);
  const out = path.resolve(import.meta.dirname, '.scratch');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'last-run.md'), markdown);
  writeFileSync(path.join(out, 'last-run.json'), JSON.stringify({ info, measurements }, null, 2));
  console.log('\n' + markdown);
  log(`done; written to test/bench/.scratch/last-run.md and last-run.json`);
}

async function measure(system: string, size: number, prepared: Prepared): Promise<Measurement[]> {
  const { server, poolIds } = prepared;
  const results: Measurement[] = [];
  const run = async (spec: LoadSpec): Promise<Round> => {
    const [server0, self0, machine0] = [server.cpuSeconds(), process.cpuUsage(), machineCpuSeconds()];
    const result = await runLoad(spec);
    const serverSeconds = server.cpuSeconds() - server0;
    const self = process.cpuUsage(self0);
    const machine = machineCpuSeconds();
    const other = machine.busy - machine0.busy - serverSeconds - (self.user + self.system) / 1e6;
    return {
      ...result,
      serverCpuMsPerOp: (serverSeconds * 1000) / (result.ok + result.errors),
      otherCores: Math.max(0, other / result.seconds),
      stolenCores: (machine.steal - machine0.steal) / result.seconds,
    };
  };
  const rounds = async (operation: BenchOperation, concurrency: number, round: (r: number, warmup: boolean) => LoadSpec) => {
    const m: Measurement = { system, size, operation, concurrency, rounds: [] };
    await run(round(0, true));
    for (let r = 1; r <= ROUNDS; r++) {
      const result = await run(round(r, false));
      m.rounds.push(result);
      log(
        `  ${system} ${size} users ${operation} x${concurrency} round ${r}/${ROUNDS}: ${result.opsPerSec.toFixed(1)} ops/s, ` +
          `p50 ${result.p50.toFixed(2)} p95 ${result.p95.toFixed(2)} p99 ${result.p99.toFixed(2)} ms, ` +
          `server CPU ${result.serverCpuMsPerOp.toFixed(2)} ms/call, other processes ${result.otherCores.toFixed(2)} cores, stolen ${result.stolenCores.toFixed(2)}` +
          `${result.errors ? `, ${result.errors} errors: ${result.firstError}` : ''}${result.timeBound ? ` (time bound, ${result.ok} ops)` : ''}`,
      );
    }
    const s = summarize(m);
    log(`  => median ${s.opsPerSec.toFixed(1)} ops/s, p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} ms, CPU ${s.serverCpuMsPerOp.toFixed(2)} ms/call`);
    results.push(m);
  };
  const progress = (what: string) => (done: number) => log(`    ${what}: ${done} answered`);

  for (const concurrency of CONCURRENCY) {
    await rounds('AdminGetUser', concurrency, (r, warmup) => ({
      endpoint: server.endpoint,
      operation: 'AdminGetUser',
      concurrency,
      maxOps: warmup ? WARMUP.ops : GET_OPS,
      maxSeconds: warmup ? WARMUP.seconds : SECONDS,
      // Random existing users, the same sequence for both systems.
      body: (i) => getUserBody(poolIds[0]!, existingUser(scramble(i + r * GET_OPS) % size)),
    }));
  }
  for (const [c, concurrency] of CONCURRENCY.entries()) {
    await rounds('AdminCreateUser', concurrency, (r, warmup) => {
      const pool = freshPoolPerRound(size) ? poolIds[1 + c * (ROUNDS + 1) + r]! : poolIds[0]!;
      return {
        endpoint: server.endpoint,
        operation: 'AdminCreateUser',
        concurrency,
        maxOps: warmup ? Math.min(WARMUP.ops, createOps(size)) : createOps(size),
        maxSeconds: warmup ? WARMUP.seconds : SECONDS,
        body: (i) => createUserBody(pool, `new-c${concurrency}-r${r}-${i}`),
        onProgress: progress(`${system} AdminCreateUser x${concurrency} round ${r}`),
      };
    });
  }
  return results;
}

/** A fixed 32-bit integer hash (murmur3's finalizer), so "random" users are the same for every system and run. */
function scramble(i: number): number {
  let x = (i + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
