import { randomBytes, randomUUID } from 'node:crypto';
import type { IssuedCredentials } from '../../cognitoIdentity/credentials.js';
import { callerIdentity } from '../auth/iamIdentity.js';
import type { GatewayRequest } from '../routes.js';

// The parts of a Lambda proxy event (payload 1.0) that describe the request itself, shared by the integration's
// event and the REQUEST authorizer's (developer guide, "Input format of a Lambda function for proxy integration";
// "Input to an API Gateway Lambda authorizer").

export interface RequestParts {
  headers: Record<string, string> | null;
  multiValueHeaders: Record<string, string[]> | null;
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
}

/** Single-value maps keep the last value of a repeated header or parameter; the multi-value maps keep them all. */
export function requestParts(request: GatewayRequest): RequestParts {
  const multiHeaders = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]));
  // Grouped in a Map, then made an object with own properties: a parameter named `constructor` or `__proto__` is
  // a parameter like any other (an object's `??=` found Object.prototype's members: a 500).
  const grouped = new Map<string, string[]>();
  for (const pair of request.rawQuery.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const name = decode(at < 0 ? pair : pair.slice(0, at));
    const value = at < 0 ? '' : decode(pair.slice(at + 1));
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  const multiQuery = Object.fromEntries(grouped);
  return {
    headers: lastOf(multiHeaders),
    multiValueHeaders: Object.keys(multiHeaders).length ? multiHeaders : null,
    queryStringParameters: lastOf(multiQuery),
    multiValueQueryStringParameters: Object.keys(multiQuery).length ? multiQuery : null,
  };
}

function lastOf(multi: Record<string, string[]>): Record<string, string> | null {
  const entries = Object.entries(multi);
  return entries.length ? Object.fromEntries(entries.map(([name, values]) => [name, values.at(-1)!])) : null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export interface RequestIds {
  requestId: string;
  /** API Gateway's own request id (`x-amz-apigw-id`): 16 characters of base64 ending in `=`. */
  extendedRequestId: string;
}

export function requestIds(): RequestIds {
  return { requestId: randomUUID(), extendedRequestId: `${randomBytes(11).toString('base64').slice(0, 15)}=` };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `$context.requestTime`, CLF-formatted: `22/Nov/2026:05:01:25 +0000`. */
export function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** The request's Host, which `requestContext.domainName` reports (the local host, as a custom domain would be). */
export function domainName(request: GatewayRequest, fallback: string): string {
  const host = request.headers.host;
  return (Array.isArray(host) ? host[0] : host) || fallback;
}

/**
 * `$context.identity`: only the caller's address and user agent are known for an unsigned call; an AWS_IAM method
 * adds who signed it.
 */
export function identity(request: GatewayRequest, caller?: IssuedCredentials): Record<string, string | null> {
  const agent = request.headers['user-agent'];
  return {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: request.sourceIp,
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: (Array.isArray(agent) ? agent.at(-1) : agent) ?? null,
    user: null,
    ...(caller ? callerIdentity(caller) : {}),
  };
}
