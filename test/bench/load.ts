import http from 'node:http';

/**
 * The one load generator both systems face: raw AWS JSON 1.1 POSTs (no SDK, so client overhead is the same for
 * both), a keep-alive agent with one socket per in-flight request, and `concurrency` workers that each keep one
 * request in flight. A run stops at `maxOps` requests or `maxSeconds`, whichever comes first; requests already in
 * flight at the deadline are waited for and counted.
 */
export type LoadSpec = LoadBounds & (OneRequest | Flow);

interface LoadBounds {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  concurrency: number;
  maxOps: number;
  maxSeconds: number;
  /** Called every 5 s with the number of requests answered so far. */
  onProgress?(done: number): void;
}

interface OneRequest {
  /** The operation, e.g. `AdminCreateUser`; sent as `AWSCognitoIdentityProviderService.<operation>`. */
  operation: string;
  /** The JSON body of the i-th request (0-based). */
  body(i: number): object;
}

/** An answer as the load generator sees it. */
export interface Answer {
  status: number;
  text: string;
}
export type Send = (operation: string, body: object) => Promise<Answer>;

/**
 * Several requests counted as one, e.g. an SRP sign-in (InitiateAuth, then RespondToAuthChallenge with what the
 * first answer asked for): the i-th flow's last answer is what counts, and its latency spans the whole flow.
 */
interface Flow {
  flow(i: number, send: Send): Promise<Answer>;
}

export interface LoadResult {
  /** Requests answered 200. */
  ok: number;
  errors: number;
  firstError?: string;
  seconds: number;
  opsPerSec: number;
  /** Milliseconds, over the successful requests. */
  p50: number;
  p95: number;
  p99: number;
  /** True when the time bound, not the op count, ended the run. */
  timeBound: boolean;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies = new Float64Array(spec.maxOps);
  let next = 0;
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;
  let timeBound = false;
  const start = performance.now();
  const deadline = start + spec.maxSeconds * 1000;
  let end = start;
  const progress = setInterval(() => spec.onProgress?.(ok + errors), 5000);
  const send: Send = (operation, body) => post(url, agent, operation, JSON.stringify(body));

  const worker = async () => {
    while (next < spec.maxOps) {
      if (performance.now() >= deadline) {
        timeBound = true;
        return;
      }
      const i = next++;
      const t0 = performance.now();
      const { status, text } = await ('flow' in spec ? spec.flow(i, send) : send(spec.operation, spec.body(i)));
      end = performance.now();
      if (status === 200) latencies[ok++] = end - t0;
      else {
        errors++;
        firstError ??= `HTTP ${status}: ${text.slice(0, 300)}`;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
  } finally {
    clearInterval(progress);
    agent.destroy();
  }
  const seconds = (end - start) / 1000;
  const sorted = latencies.subarray(0, ok).sort();
  return {
    ok,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    seconds,
    opsPerSec: seconds > 0 ? ok / seconds : 0,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    timeBound,
  };
}

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function post(url: URL, agent: http.Agent, operation: string, payload: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** One call, for setup (creating pools) and smoke checks; throws on anything but 200. */
export async function call<T>(endpoint: string, operation: string, body: object): Promise<T> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const { status, text } = await post(new URL(endpoint), agent, operation, JSON.stringify(body));
    if (status !== 200) throw new Error(`${operation} answered HTTP ${status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  } finally {
    agent.destroy();
  }
}
