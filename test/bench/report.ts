import type { LoadResult } from './load.js';
import type { Machine } from './machine.js';

export type BenchOperation = 'AdminCreateUser' | 'AdminGetUser' | SignInFlow;
/** A sign-in: InitiateAuth USER_PASSWORD_AUTH (one call), or USER_SRP_AUTH and RespondToAuthChallenge (two). */
export type SignInFlow = 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH';

/** One round as the load generator saw it, the server's CPU time per request, and how busy the rest of the machine was. */
export interface Round extends LoadResult {
  serverCpuMsPerOp: number;
  /** The load generator's own CPU per call (an SRP sign-in's client half is most of it). */
  clientCpuMsPerOp: number;
  /** CPU used by processes other than the server and the benchmark during the round, in cores (0 = a quiet machine). */
  otherCores: number;
  /** CPU the hypervisor gave to other machines during the round, in cores. */
  stolenCores: number;
}

/** The rounds of one system at one pool size, operation and concurrency. */
export interface Measurement {
  system: string;
  size: number;
  operation: BenchOperation;
  concurrency: number;
  rounds: Round[];
}

export interface Summary {
  opsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  serverCpuMsPerOp: number;
  clientCpuMsPerOp: number;
  otherCores: number;
  stolenCores: number;
  /** Requests answered 200 over all rounds; errors likewise. */
  ok: number;
  errors: number;
  /** Rounds that hit the time bound before their op count. */
  timeBound: number;
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(m: Measurement): Summary {
  return {
    opsPerSec: median(m.rounds.map((r) => r.opsPerSec)),
    p50: median(m.rounds.map((r) => r.p50)),
    p95: median(m.rounds.map((r) => r.p95)),
    p99: median(m.rounds.map((r) => r.p99)),
    serverCpuMsPerOp: median(m.rounds.map((r) => r.serverCpuMsPerOp)),
    clientCpuMsPerOp: median(m.rounds.map((r) => r.clientCpuMsPerOp)),
    otherCores: median(m.rounds.map((r) => r.otherCores)),
    stolenCores: median(m.rounds.map((r) => r.stolenCores)),
    ok: m.rounds.reduce((n, r) => n + r.ok, 0),
    errors: m.rounds.reduce((n, r) => n + r.errors, 0),
    timeBound: m.rounds.filter((r) => r.timeBound).length,
  };
}

export interface RunInfo {
  command: string;
  date: string;
  machine: Machine;
  modexpPerSec: number;
  /** RS256 signatures per second with a 2048-bit key on one core, measured for sign-in runs. */
  rsaSignPerSec?: number;
  cogniformFrom: string;
  cognitoLocalVersion: string;
  preload: Record<string, string>;
  rounds: number;
  bounds: string;
}

const fmt = (n: number, digits = 0) => (Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ms = (n: number) => (Number.isNaN(n) ? 'n/a' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const latency = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const ratio = (a: number, b: number, digits = 1) =>
  Number.isNaN(a) || Number.isNaN(b) || b === 0 ? 'n/a' : `${a / b >= 100 ? fmt(a / b) : (a / b).toFixed(digits)}x`;

/** The figures as Markdown: machine, one table of medians and ratios, and the checks the issue asks for. */
export function renderMarkdown(info: RunInfo, measurements: Measurement[]): string {
  const find = (system: string, size: number, operation: string, concurrency: number) =>
    measurements.find((m) => m.system === system && m.size === size && m.operation === operation && m.concurrency === concurrency);
  const keys = [...new Set(measurements.map((m) => `${m.size}|${m.operation}|${m.concurrency}`))];
  const lines = [
    `Command: \`${info.command}\` (${info.date})`,
    '',
    `Machine: ${info.machine.cpus} CPUs (${info.machine.cpuModel}), ${info.machine.ramGiB} GiB RAM, Node ${info.machine.node}, ${info.machine.os}.`,
    `cogniform from ${info.cogniformFrom}; cognito-local ${info.cognitoLocalVersion}.`,
    `Native 3072-bit modexp (SRP verifier, 256-bit exponent) on one core: ${fmt(info.modexpPerSec)}/s.`,
    ...(info.rsaSignPerSec === undefined ? [] : [`RSA-2048 (RS256) signatures on one core: ${fmt(info.rsaSignPerSec)}/s.`]),
    `Each figure is the median of ${info.rounds} round${info.rounds === 1 ? '' : 's'} (after one warm-up round); ${info.bounds}.`,
    ...Object.entries(info.preload).map(([system, how]) => `Preload, ${system}: ${how}.`),
    '',
    '| users | operation | in flight | cogniform ops/s | cognito-local ops/s | ratio | cogniform p50 / p95 / p99 ms | cognito-local p50 / p95 / p99 ms | server CPU ms per call, cogniform / cognito-local |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const notes: string[] = [];
  for (const key of keys) {
    const [size, operation, concurrency] = key.split('|') as [string, string, string];
    const a = find('cogniform', +size, operation, +concurrency);
    const b = find('cognito-local', +size, operation, +concurrency);
    const sa = a && summarize(a);
    const sb = b && summarize(b);
    lines.push(
      `| ${fmt(+size)} | ${operation} | ${concurrency} | ${sa ? fmt(sa.opsPerSec) : '-'} | ${sb ? fmt(sb.opsPerSec, sb.opsPerSec < 10 ? 1 : 0) : '-'} | ` +
        `${sa && sb ? ratio(sa.opsPerSec, sb.opsPerSec) : '-'} | ${sa ? latency(sa) : '-'} | ${sb ? latency(sb) : '-'} | ` +
        `${sa ? ms(sa.serverCpuMsPerOp) : '-'} / ${sb ? ms(sb.serverCpuMsPerOp) : '-'} |`,
    );
    for (const [m, s] of [[a, sa], [b, sb]] as const) {
      if (!m || !s) continue;
      const where = `${m.system}, ${fmt(m.size)} users, ${m.operation}, ${m.concurrency} in flight`;
      if (s.errors) notes.push(`${where}: ${s.errors} errors (${m.rounds.find((r) => r.firstError)?.firstError}).`);
      if (s.otherCores >= 0.1 || s.stolenCores >= 0.1) {
        notes.push(`${where}: other processes used ${s.otherCores.toFixed(2)} cores, the hypervisor took ${s.stolenCores.toFixed(2)} (medians over the rounds).`);
      }
      // An SRP sign-in's client half (two 3072-bit modexps with 1024-bit exponents, and more) runs in the load
      // generator, on the same cores as the server.
      if (s.clientCpuMsPerOp >= 1) notes.push(`${where}: the load generator itself used ${ms(s.clientCpuMsPerOp)} ms of CPU per call.`);
      if (s.timeBound) notes.push(`${where}: ${s.timeBound} of ${m.rounds.length} rounds ended at the time bound (${s.ok} requests answered in all).`);
    }
  }
  lines.push('', ...checks(measurements, info), ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []));
  return lines.join('\n') + '\n';
}

/** The things the done-when names, computed rather than read off by eye. */
function checks(measurements: Measurement[], info: RunInfo): string[] {
  const out: string[] = [...signInChecks(measurements, info)];
  const creates = measurements.filter((m) => m.operation === 'AdminCreateUser' && m.system === 'cogniform');
  const sizes = [...new Set(creates.map((m) => m.size))].sort((x, y) => x - y);
  for (const m of creates) {
    const other = measurements.find((o) => o.system === 'cognito-local' && o.operation === m.operation && o.size === m.size && o.concurrency === m.concurrency);
    const s = summarize(m);
    const share = `${((s.opsPerSec / info.modexpPerSec) * 100).toFixed(0)}% of one core's modexp rate`;
    out.push(
      `- AdminCreateUser, ${fmt(m.size)} users, ${m.concurrency} in flight: cogniform ${fmt(s.opsPerSec)} ops/s (${share})` +
        (other ? `, ${ratio(s.opsPerSec, summarize(other).opsPerSec)} cognito-local's.` : '.'),
    );
  }
  if (sizes.length >= 2) {
    const [small, large] = [sizes[0]!, sizes[sizes.length - 1]!];
    for (const concurrency of [...new Set(creates.map((m) => m.concurrency))]) {
      const a = creates.find((m) => m.size === small && m.concurrency === concurrency);
      const b = creates.find((m) => m.size === large && m.concurrency === concurrency);
      if (!a || !b) continue;
      const [sa, sb] = [summarize(a), summarize(b)];
      out.push(
        `- cogniform AdminCreateUser latency at ${fmt(large)} users vs ${fmt(small)}, ${concurrency} in flight: ` +
          `p50 ${ratio(sb.p50, sa.p50, 2)}, p95 ${ratio(sb.p95, sa.p95, 2)}, p99 ${ratio(sb.p99, sa.p99, 2)}.`,
      );
    }
  }
  return out;
}

/**
 * Sign-ins: against cognito-local in the same run (USER_PASSWORD_AUTH, at least 10x), and against the machine: a
 * sign-in signs two tokens, so one core signs at most rsa/2 sign-ins a second, and the target is half of that.
 */
function signInChecks(measurements: Measurement[], info: RunInfo): string[] {
  const out: string[] = [];
  const signIns = measurements.filter((m) => m.system === 'cogniform' && (m.operation === 'USER_PASSWORD_AUTH' || m.operation === 'USER_SRP_AUTH'));
  const target = info.rsaSignPerSec === undefined ? Number.NaN : info.rsaSignPerSec / 2 / 2;
  for (const m of signIns) {
    const other = measurements.find((o) => o.system === 'cognito-local' && o.operation === m.operation && o.size === m.size && o.concurrency === m.concurrency);
    const s = summarize(m);
    const versus = other ? `, ${ratio(s.opsPerSec, summarize(other).opsPerSec)} cognito-local's (10x wanted)` : '';
    out.push(
      `- ${m.operation}, ${fmt(m.size)} users, ${m.concurrency} in flight: cogniform ${fmt(s.opsPerSec)} sign-ins/s${versus}; ` +
        `${ratio(s.opsPerSec, target, 2)} the target of RSA rate / 2 tokens / 2 = ${fmt(target)}/s (1x wanted).`,
    );
  }
  return out;
}
