import type { GatewayResponse } from '../routes.js';

// From a function's result to the HTTP response, by payload format (AWS docs, "Lambda function response format",
// http-api-develop-integrations-lambda). HTTP APIs answer a result they cannot use, and a function that fails,
// with 500 {"message":"Internal Server Error"}.

/** API Gateway's own answers: `{"message": ...}` as JSON. */
export function gatewayError(status: number, message: string, headers: Record<string, string> = {}): GatewayResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ message }) };
}

export const internalServerError = () => gatewayError(500, 'Internal Server Error');

type Result = Record<string, unknown>;

/**
 * Format 2.0: a result without `statusCode` is the body of a 200 JSON response (a string as it is, anything
 * else as JSON); with one, `statusCode`, `headers`, `cookies` (one set-cookie each), `body`, `isBase64Encoded`.
 */
export function responseV2(result: unknown): GatewayResponse {
  if (!isObject(result) || result.statusCode === undefined) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  }
  const status = statusOf(result.statusCode);
  if (status === undefined) return internalServerError();
  const headers = headersOf(result.headers, undefined);
  if (Array.isArray(result.cookies) && result.cookies.length > 0) headers['set-cookie'] = result.cookies.map(String);
  return { status, headers, body: bodyOf(result) };
}

/** Format 1.0: REST's proxy response, `statusCode` required; `multiValueHeaders` joins `headers`. */
export function responseV1(result: unknown): GatewayResponse {
  if (!isObject(result)) return internalServerError();
  const status = statusOf(result.statusCode);
  if (status === undefined) return internalServerError();
  return { status, headers: headersOf(result.headers, result.multiValueHeaders), body: bodyOf(result) };
}

function isObject(value: unknown): value is Result {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function statusOf(value: unknown): number | undefined {
  const status = Number(value);
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

function headersOf(single: unknown, multi: unknown): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  if (isObject(multi)) {
    for (const [name, values] of Object.entries(multi)) {
      if (Array.isArray(values)) headers[name.toLowerCase()] = values.map(String);
    }
  }
  if (isObject(single)) {
    for (const [name, value] of Object.entries(single)) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
  }
  return headers;
}

function bodyOf(result: Result): Buffer | string {
  if (result.body === undefined || result.body === null) return '';
  const body = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
  return result.isBase64Encoded === true ? Buffer.from(body, 'base64') : body;
}
