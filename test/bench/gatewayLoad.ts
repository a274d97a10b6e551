import http from 'node:http';
import type { Answer, LoadSpec } from './load.js';
import { BODY } from './gatewayProject.js';

/** One route of one gateway as the load generator drives it. */
export interface Target {
  /** e.g. `cogniform /cognito` */
  name: string;
  system: 'cogniform' | 'serverless-offline';
  authorizer: string;
  url: URL;
  headers: Record<string, string>;
}

/**
 * GETs of one route through test/bench/load.ts's runner (its flow form, so the rounds, bounds and percentiles are
 * the ones every other benchmark uses), over a keep-alive agent of its own with one socket per request in flight.
 * A 200 whose body is not the handler's counts as a failure: the request did not reach the handler.
 */
export function routeLoad(target: Target, concurrency: number, maxOps: number, maxSeconds: number): { spec: LoadSpec; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const flow = async (): Promise<Answer> => {
    const answer = await get(target.url, agent, target.headers);
    return answer.status === 200 && answer.text !== BODY ? { status: 0, text: `200 with another body: ${answer.text}` } : answer;
  };
  return { spec: { endpoint: target.url.origin, concurrency, maxOps, maxSeconds, flow }, close: () => agent.destroy() };
}

export function get(url: URL, agent: http.Agent | false, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'GET', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}
