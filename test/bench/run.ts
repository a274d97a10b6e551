// `npm run bench`: AdminCreateUser and AdminGetUser throughput and latency of cogniform and cognito-local, side by
// side, in one run; `npm run bench -- --scenario signin`: sign-ins (USER_PASSWORD_AUTH, and USER_SRP_AUTH for
// cogniform alone). Not a test: it takes many minutes and prints its progress. See BENCHMARKS.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cogniform, cogniformCommand } from './cogniform.js';
import { cognitoLocal, COGNITO_LOCAL_VERSION, ensureCognitoLocal } from './cognitoLocal.js';
import { srpClient } from '../cognito/operations/signIn/srpClient.js';
import { call, runLoad, type LoadSpec, type Send } from './load.js';
import { describeMachine, machineCpuSeconds, modexpPerSecond, rsaSignaturesPerSecond } from './machine.js';
import {
  renderMarkdown, summarize, type BenchOperation, type Measurement, type Round, type RunInfo, type SignInFlow,
} from './report.js';
import {
  createUserBody, existingUser, getUserBody, PASSWORD, passwordSignInBody, type Prepared, type System,
} from './workload.js';

const { values } = parseArgs({
  options: {
    /** `users` (AdminCreateUser, AdminGetUser) or `signin`. */
    scenario: { type: 'string', default: 'users' },
    /** Default: 1000,100000 for users, 10000 for signin. */
    sizes: { type: 'string' },
    concurrency: { type: 'string', default: '8,32' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    systems: { type: 'string', default: 'cogniform,cognito-local' },
    /** The sign-in flows to measure (signin scenario); one alone makes a CPU profile of that flow. */
    flows: { type: 'string', default: 'USER_PASSWORD_AUTH,USER_SRP_AUTH' },
    /** Directory for cogniform's CPU profiles (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const list = (s: string) => s.split(',').map((v) => Number(v.trim()));
const SIGN_IN = values.scenario === 'signin';
const SIGN_IN_FLOWS: SignInFlow[] = ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH'];
const FLOWS = values.flows.split(',').map((f) => f.trim());
const SIZES = list(values.sizes ?? (SIGN_IN ? '10000' : '1000,100000'));
const CONCURRENCY = list(values.concurrency);
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const GET_OPS = 5000;
const SIGN_IN_OPS = 2000;
// A create round adds users, and cognito-local's cost grows with them. At small sizes each round gets its own pool,
// filled with size - ops/2 users, so that it holds `size` users on average during the round (750 -> 1,250 for
// "1k"); at large sizes the rounds share the one pool and add a small share of it.
const freshPoolPerRound = (size: number) => size <= 10_000;
const createOps = (size: number) => (freshPoolPerRound(size) ? Math.max(2, Math.floor(size / 2)) : 1000);
/**
 * Pool 0 (AdminGetUser's, or the sign-ins') holds `size`; at small sizes, one pool per create round (warm-up
 * included) follows.
 */
const poolSizes = (size: number) =>
  SIGN_IN ? [size] : freshPoolPerRound(size) ? [size, ...Array<number>(CONCURRENCY.length * (ROUNDS + 1)).fill(size - Math.floor(createOps(size) / 2))] : [size];
const WARMUP = { ops: 200, seconds: 3 };

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
const systems: System[] = [cogniform(profileArgs), cognitoLocal].filter((s) => values.systems.split(',').includes(s.name));
if (
  ![...SIZES, ...CONCURRENCY, ROUNDS, SECONDS].every((n) => Number.isInteger(n) && n > 0) ||
  !systems.length ||
  !['users', 'signin'].includes(values.scenario) ||
  !FLOWS.every((f) => (SIGN_IN_FLOWS as string[]).includes(f))
) {
  console.error(
    'bench: --sizes, --concurrency (comma-separated), --rounds and --seconds take positive integers; --systems is cogniform, ' +
      'cognito-local or both; --scenario is users or signin; --flows is USER_PASSWORD_AUTH, USER_SRP_AUTH or both',
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(`${machine.cpus} CPUs (${machine.cpuModel}), ${machine.ramGiB} GiB, Node ${machine.node}`);
  if (systems.some((s) => s.name === 'cognito-local')) ensureCognitoLocal(log);
  log('measuring native 3072-bit modexp on one core ...');
  const modexp = modexpPerSecond();
  log(`  ${modexp.toFixed(0)} verifiers/s`);
  let rsa: number | undefined;
  if (SIGN_IN) {
    log('measuring RSA-2048 (RS256) signatures on one core ...');
    rsa = rsaSignaturesPerSecond();
    log(`  ${rsa.toFixed(0)} signatures/s`);
  }

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
        const prepared = await system.prepare(workDir, pools, log, { signIn: SIGN_IN });
        preload[system.name] = prepared.preload;
        try {
          measurements.push(...(await (SIGN_IN ? measureSignIns : measure)(system.name, size, prepared)));
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
    ...(rsa === undefined ? {} : { rsaSignPerSec: rsa }),
    cogniformFrom: cogniformCommand().from,
    cognitoLocalVersion: COGNITO_LOCAL_VERSION,
    preload,
    rounds: ROUNDS,
    bounds: SIGN_IN
      ? `a round is ${SIGN_IN_OPS} sign-ins or ${SECONDS} s, whichever ends first, of random users of the one pool`
      : `a round is ${GET_OPS} AdminGetUser calls or ${SECONDS} s, whichever ends first; AdminCreateUser rounds are ` +
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

/** Runs warm-up and rounds of one operation on a prepared system, logging each; the measurements land in `results`. */
function roundRunner(system: string, size: number, { server }: Prepared, results: Measurement[]) {
  const run = async (spec: LoadSpec): Promise<Round> => {
    const [server0, self0, machine0] = [server.cpuSeconds(), process.cpuUsage(), machineCpuSeconds()];
    const result = await runLoad(spec);
    const serverSeconds = server.cpuSeconds() - server0;
    const self = process.cpuUsage(self0);
    const selfSeconds = (self.user + self.system) / 1e6;
    const machine = machineCpuSeconds();
    const other = machine.busy - machine0.busy - serverSeconds - selfSeconds;
    const calls = result.ok + result.errors;
    return {
      ...result,
      serverCpuMsPerOp: (serverSeconds * 1000) / calls,
      clientCpuMsPerOp: (selfSeconds * 1000) / calls,
      otherCores: Math.max(0, other / result.seconds),
      stolenCores: (machine.steal - machine0.steal) / result.seconds,
    };
  };
  return async (operation: BenchOperation, concurrency: number, round: (r: number, warmup: boolean) => LoadSpec) => {
    const m: Measurement = { system, size, operation, concurrency, rounds: [] };
    await run(round(0, true));
    for (let r = 1; r <= ROUNDS; r++) {
      const result = await run(round(r, false));
      m.rounds.push(result);
      log(
        `  ${system} ${size} users ${operation} x${concurrency} round ${r}/${ROUNDS}: ${result.opsPerSec.toFixed(1)} ops/s, ` +
          `p50 ${result.p50.toFixed(2)} p95 ${result.p95.toFixed(2)} p99 ${result.p99.toFixed(2)} ms, ` +
          `server CPU ${result.serverCpuMsPerOp.toFixed(2)} ms/call, load generator ${result.clientCpuMsPerOp.toFixed(2)} ms/call, ` +
          `other processes ${result.otherCores.toFixed(2)} cores, stolen ${result.stolenCores.toFixed(2)}` +
          `${result.errors ? `, ${result.errors} errors: ${result.firstError}` : ''}${result.timeBound ? ` (time bound, ${result.ok} ops)` : ''}`,
      );
    }
    const s = summarize(m);
    log(`  => median ${s.opsPerSec.toFixed(1)} ops/s, p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} ms, CPU ${s.serverCpuMsPerOp.toFixed(2)} ms/call`);
    results.push(m);
  };
}

async function measure(system: string, size: number, prepared: Prepared): Promise<Measurement[]> {
  const { server, poolIds } = prepared;
  const results: Measurement[] = [];
  const rounds = roundRunner(system, size, prepared, results);
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

/**
 * Sign-ins of random users of the one pool, the same sequence for both systems. USER_PASSWORD_AUTH is one
 * InitiateAuth; USER_SRP_AUTH is InitiateAuth and RespondToAuthChallenge PASSWORD_VERIFIER, with the client's half
 * of SRP computed in the load generator (cogniform only: cognito-local answers USER_SRP_AUTH "Unsupported").
 */
async function measureSignIns(system: string, size: number, prepared: Prepared): Promise<Measurement[]> {
  const { server, poolIds, clientIds } = prepared;
  const [poolId, clientId] = [poolIds[0]!, clientIds[0]!];
  const results: Measurement[] = [];
  const rounds = roundRunner(system, size, prepared, results);
  const user = (i: number, r: number) => existingUser(scramble(i + r * SIGN_IN_OPS) % size);
  const bounds = (warmup: boolean) => ({ maxOps: warmup ? WARMUP.ops : SIGN_IN_OPS, maxSeconds: warmup ? WARMUP.seconds : SECONDS });
  const srpSignIn = async (username: string, send: Send) => {
    const srp = srpClient(poolId);
    const AuthParameters = { USERNAME: username, SRP_A: srp.A };
    const first = await send('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters });
    if (first.status !== 200) return first;
    const { ChallengeParameters, Session } = JSON.parse(first.text) as { ChallengeParameters: Record<string, string>; Session: string };
    const ChallengeResponses = srp.answer(ChallengeParameters, PASSWORD);
    return send('RespondToAuthChallenge', { ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', Session, ChallengeResponses });
  };

  // A 200 that asks for a challenge instead of answering tokens would be no sign-in: check one of each first.
  const signedIn = (answer: { AuthenticationResult?: { IdToken?: string; AccessToken?: string } }, flow: string) => {
    if (!answer.AuthenticationResult?.IdToken || !answer.AuthenticationResult.AccessToken) {
      throw new Error(`${system}: ${flow} did not answer tokens: ${JSON.stringify(answer).slice(0, 300)}`);
    }
  };
  const flows = SIGN_IN_FLOWS.filter((f) => FLOWS.includes(f) && (f === 'USER_PASSWORD_AUTH' || system === 'cogniform'));
  if (flows.includes('USER_PASSWORD_AUTH')) {
    signedIn(await call(server.endpoint, 'InitiateAuth', passwordSignInBody(clientId, existingUser(0))), 'USER_PASSWORD_AUTH');
  }
  if (flows.includes('USER_SRP_AUTH')) {
    const once: Send = async (operation, body) => ({ status: 200, text: JSON.stringify(await call(server.endpoint, operation, body)) });
    signedIn(JSON.parse((await srpSignIn(existingUser(1), once)).text), 'USER_SRP_AUTH');
  }

  for (const flow of flows) {
    for (const concurrency of CONCURRENCY) {
      await rounds(flow, concurrency, (r, warmup) =>
        flow === 'USER_PASSWORD_AUTH'
          ? { endpoint: server.endpoint, concurrency, ...bounds(warmup), operation: 'InitiateAuth', body: (i) => passwordSignInBody(clientId, user(i, r)) }
          : { endpoint: server.endpoint, concurrency, ...bounds(warmup), flow: (i, send) => srpSignIn(user(i, r), send) },
      );
    }
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
