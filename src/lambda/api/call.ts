import type { Deployments } from '../../deployments.js';
import type { DeployedFunctions } from '../deployedFunctions.js';
import type { LambdaApiDeps } from './index.js';
import { badJson } from './errors.js';

/** One Lambda API request, as its operation sees it. */
export interface LambdaCall {
  /** `{FunctionName}` from the path, decoded ('' for ListFunctions). */
  functionName: string;
  query: Record<string, string | undefined>;
  /** Header names lower-case. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** The SigV4 credential scope's region, else the emulator's: the region error messages' ARNs name. */
  region: string;
  accountId: string;
  /** `http://<Host>`, for URLs in answers. */
  baseUrl: string;
  deployed: DeployedFunctions;
  deployments: Deployments;
  deps: LambdaApiDeps;
}

/** What an operation answers: JSON (an object) or raw bytes (Invoke's payload), with its status and headers. */
export interface LambdaAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type LambdaOperation = (call: LambdaCall) => Promise<LambdaAnswer>;

/** The body as a JSON object ({} when empty). */
export function jsonBody(call: LambdaCall): Record<string, unknown> {
  const text = call.body.toString('utf8');
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badJson((error as Error).message);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badJson('the body is not a JSON object');
  return parsed as Record<string, unknown>;
}
