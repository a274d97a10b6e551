import type { GatewayResponse } from '../routes.js';

// A Lambda proxy integration's answer (developer guide, "Output format of a Lambda function for proxy
// integration"): `{ statusCode, headers, multiValueHeaders, body, isBase64Encoded }` and nothing else, or API
// Gateway answers 502 ("Malformed Lambda proxy response"). When a header is in both maps, API Gateway merges them and
// only the multi-value one's values appear. Without a Content-Type the response is `application/json`.

const KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

export interface ProxyResult {
  status: number;
  headers: Record<string, string | string[]>;
  /** The body as the function gave it (base64 text when `base64`). */
  body: string;
  base64: boolean;
}

/** The result as a response, or undefined when it is malformed. */
export function proxyResult(result: unknown): ProxyResult | undefined {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return undefined;
  const r = result as Record<string, unknown>;
  if (Object.keys(r).some((key) => !KEYS.has(key))) return undefined;
  const status = typeof r.statusCode === 'string' && /^\d+$/.test(r.statusCode) ? Number(r.statusCode) : r.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return undefined;
  if (r.body !== undefined && r.body !== null && !isScalar(r.body)) return undefined;
  if (r.isBase64Encoded !== undefined && typeof r.isBase64Encoded !== 'boolean') return undefined;
  const headers: Record<string, string | string[]> = {};
  if (!isMap(r.headers) || !isMap(r.multiValueHeaders)) return undefined;
  for (const [name, value] of Object.entries(r.headers ?? {})) {
    if (!isScalar(value)) return undefined;
    headers[name.toLowerCase()] = String(value);
  }
  for (const [name, values] of Object.entries(r.multiValueHeaders ?? {})) {
    if (!Array.isArray(values) || !values.every(isScalar)) return undefined;
    headers[name.toLowerCase()] = values.map(String);
  }
  headers['content-type'] ??= 'application/json';
  return { status, headers, body: r.body === undefined || r.body === null ? '' : String(r.body), base64: r.isBase64Encoded === true };
}

export function toResponse(result: ProxyResult, decodeBase64: boolean): GatewayResponse {
  return { status: result.status, headers: result.headers, body: result.base64 && decodeBase64 ? Buffer.from(result.body, 'base64') : result.body };
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isMap(value: unknown): value is Record<string, unknown> | undefined | null {
  return value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));
}
