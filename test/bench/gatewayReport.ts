import type { LoadResult } from './load.js';
import type { Machine } from './machine.js';
import { median } from './report.js';

/** One round of one route: the load generator's view, the server's CPU per request and the rest of the machine's. */
export interface GatewayRound extends LoadResult {
  serverCpuMsPerRequest: number;
  /** Cores used by processes other than the server under load and the benchmark during the round. */
  otherCores: number;
}

export interface GatewayMeasurement {
  route: string;
  system: string;
  authorizer: string;
  concurrency: number;
  rounds: GatewayRound[];
}

export interface GatewayRunInfo {
  command: string;
  date: string;
  machine: Machine;
  cogniformFrom: string;
  peer: string;
  rounds: number;
  bounds: string;
}

const fmt = (n: number) => (Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US'));
const ms = (n: number) => (Number.isNaN(n) ? 'n/a' : Math.abs(n) < 10 ? n.toFixed(2) : n.toFixed(1));
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${ms(Math.abs(n))} ms`;
const times = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
const of = (m: GatewayMeasurement, pick: (r: GatewayRound) => number) => median(m.rounds.map(pick));

/** The table of medians, the two checks of the issue computed from it, and whether the run is valid at all. */
export function renderGatewayMarkdown(info: GatewayRunInfo, measurements: GatewayMeasurement[]): string {
  const lines = [
    `Command: \`${info.command}\` (${info.date})`,
    '',
    `Machine: ${info.machine.cpus} CPUs (${info.machine.cpuModel}), ${info.machine.ramGiB} GiB RAM, Node ${info.machine.node}, ${info.machine.os}.`,
    `cogniform from ${info.cogniformFrom}; ${info.peer}.`,
    `Each figure is the median of ${info.rounds} rounds (after one warm-up round); ${info.bounds}.`,
    '',
    '| route | authorizer | in flight | requests/s | p50 / p95 / p99 ms | server CPU ms per request |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const m of measurements) {
    lines.push(
      `| ${m.route} | ${m.authorizer} | ${m.concurrency} | ${fmt(of(m, (r) => r.opsPerSec))} | ` +
        `${ms(of(m, (r) => r.p50))} / ${ms(of(m, (r) => r.p95))} / ${ms(of(m, (r) => r.p99))} | ${ms(of(m, (r) => r.serverCpuMsPerRequest))} |`,
    );
  }
  return [...lines, '', ...checks(measurements), '', ...notes(measurements)].join('\n') + '\n';
}

/**
 * Added latency is a property of one request, so its check is taken at the lowest concurrency measured (1 by
 * default); under load a p50 also holds the queue, so the other rows show it with the CPU each request costs.
 * Throughput must be 3x serverless-offline's at every concurrency.
 */
function checks(measurements: GatewayMeasurement[]): string[] {
  const find = (route: string, concurrency: number) => measurements.find((m) => m.route === route && m.concurrency === concurrency);
  const levels = [...new Set(measurements.map((m) => m.concurrency))].sort((a, b) => a - b);
  const out: string[] = [];
  let overheadHolds = true;
  let ratioHolds = true;
  for (const c of levels) {
    const open = find('cogniform /open', c);
    if (!open) continue;
    const added = ['cogniform /cognito', 'cogniform /jwt'].flatMap((route) => {
      const m = find(route, c);
      if (!m) return [];
      const p50 = of(m, (r) => r.p50) - of(open, (r) => r.p50);
      if (c === levels[0] && !(p50 < 1)) overheadHolds = false;
      return [`${m.authorizer} ${signed(p50)} at p50 (${signed(of(m, (r) => r.serverCpuMsPerRequest) - of(open, (r) => r.serverCpuMsPerRequest))} of server CPU)`];
    });
    out.push(`- Authorizer, ${c} in flight, over cogniform /open: ${added.join('; ')}${c === levels[0] ? ' (under 1 ms at p50 wanted)' : ''}.`);
  }
  for (const c of levels) {
    const peer = find('serverless-offline /open', c);
    if (!peer) continue;
    const ratios = ['cogniform /open', 'cogniform /cognito', 'cogniform /jwt'].flatMap((route) => {
      const m = find(route, c);
      if (!m) return [];
      const ratio = of(m, (r) => r.opsPerSec) / of(peer, (r) => r.opsPerSec);
      if (route === 'cogniform /open' && !(ratio >= 3)) ratioHolds = false;
      return [`${route} ${times(of(m, (r) => r.opsPerSec), of(peer, (r) => r.opsPerSec))}`];
    });
    out.push(`- Requests/s against serverless-offline /open, ${c} in flight: ${ratios.join(', ')} (3x wanted).`);
  }
  const failed = measurements.reduce((n, m) => n + m.rounds.reduce((k, r) => k + r.errors, 0), 0);
  const answered = measurements.reduce((n, m) => n + m.rounds.reduce((k, r) => k + r.ok, 0), 0);
  out.push(
    '',
    failed
      ? `**INVALID RUN**: ${failed} of ${failed + answered} requests did not answer 200 with the handler's body.`
      : `Every one of the ${fmt(answered)} requests answered 200 with the handler's body.`,
    `Authorizer under 1 ms at p50 (${levels[0]} in flight): ${overheadHolds ? 'holds' : 'MISSED'}. ` +
      `cogniform /open at least 3x serverless-offline's requests/s at every concurrency: ${ratioHolds ? 'holds' : 'MISSED'}.`,
  );
  return out;
}

function notes(measurements: GatewayMeasurement[]): string[] {
  return measurements.flatMap((m) => {
    const where = `${m.route}, ${m.concurrency} in flight`;
    const errors = m.rounds.reduce((n, r) => n + r.errors, 0);
    const other = of(m, (r) => r.otherCores);
    const bound = m.rounds.filter((r) => r.timeBound).length;
    return [
      ...(errors ? [`- ${where}: ${errors} failures (first: ${m.rounds.find((r) => r.firstError)?.firstError}).`] : []),
      ...(other >= 0.1 ? [`- ${where}: other processes used ${other.toFixed(2)} cores (median over the rounds).`] : []),
      ...(bound ? [`- ${where}: ${bound} of ${m.rounds.length} rounds ended at the time bound.`] : []),
    ];
  });
}
