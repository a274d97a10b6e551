import { randomBytes } from 'node:crypto';
import type { GatewayRequest } from '../routes.js';

// What both payload formats read from a request: headers and query values in their single- and multi-value
// forms, the body as text or base64, the request id and times as HTTP APIs write them.

export interface RequestParts {
  /** Lowercase names, every value received, in order. */
  multiHeaders: Record<string, string[]>;
  /** `[name, value]` pairs of the query string, decoded, in order. */
  query: [string, string][];
  cookies: string[];
  body?: { value: string; isBase64Encoded: boolean };
  requestId: string;
  /** `12/Mar/2020:19:03:58 +0000` */
  time: string;
  timeEpoch: number;
  domainName: string;
  domainPrefix: string;
  userAgent: string;
  /** The path the function sees: a named stage is part of it, `$default` is not (aws-powertools-lambda-python#621). */
  path: string;
}

export function requestParts(request: GatewayRequest, stage: string): RequestParts {
  const multiHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    multiHeaders[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  const cookieHeaders = multiHeaders.cookie ?? [];
  // Payload 2.0 moves the Cookie header into `cookies`, one entry per cookie (http-api-develop-integrations-lambda).
  const cookies = cookieHeaders.flatMap((header) => header.split(';')).map((c) => c.trim()).filter(Boolean);
  const host = multiHeaders.host?.[0] ?? `${request.apiId}.execute-api.localhost`;
  multiHeaders['x-forwarded-for'] ??= [request.sourceIp];
  multiHeaders['x-forwarded-proto'] ??= ['http'];
  const body = request.body.length === 0 ? undefined : encodeBody(request.body, multiHeaders['content-type']?.[0]);
  return {
    multiHeaders,
    query: [...new URLSearchParams(request.rawQuery)],
    cookies,
    ...(body ? { body } : {}),
    // AWS request ids look like `Mc7UVioPPHcEKPA=` (http-api-troubleshooting-jwt): 11 random bytes in base64.
    requestId: randomBytes(11).toString('base64'),
    time: clf(new Date(request.receivedAt)),
    timeEpoch: request.receivedAt,
    domainName: host,
    domainPrefix: host.split('.')[0]!,
    userAgent: multiHeaders['user-agent']?.[0] ?? '',
    path: stage === '$default' ? request.path : `/${stage}${request.path}`,
  };
}

/** Comma-joined repeats, as payload 2.0 gives headers and query parameters. */
export function joined(multi: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(multi).map(([name, values]) => [name, values.join(',')]));
}

/** Query pairs grouped by name. */
export function grouped(pairs: [string, string][]): Record<string, string[]> {
  // A Map, then own properties: a parameter named `constructor` or `__proto__` is a parameter like any other.
  const result = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const values = result.get(name);
    if (values) values.push(value);
    else result.set(name, [value]);
  }
  return Object.fromEntries(result);
}

// Bodies of these types reach the function as text; anything else (images, form posts, octet streams) is base64,
// which is how HTTP APIs hand `application/x-www-form-urlencoded` posts to functions too.
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|graphql)\b)|[+/](json|xml)\b/i;

function encodeBody(body: Buffer, contentType: string | undefined): RequestParts['body'] {
  const text = contentType !== undefined && TEXT_TYPES.test(contentType);
  return text ? { value: body.toString('utf8'), isBase64Encoded: false } : { value: body.toString('base64'), isBase64Encoded: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Common Log Format time in UTC, as `requestContext.time` has it. */
function clf(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:`
    + `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
