import type { GatewayRequest } from '../routes.js';
import { basicDate, incompleteHeader, incompleteQuery, malformedDate, scopeDateMismatch, wrongScope, type IamRefusal } from './iamRefusals.js';

// Where a SigV4 signature sits in a request and what it claims (AWS General Reference, "Elements of an AWS API
// request signature"): the Authorization header (`AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/
// aws4_request, SignedHeaders=a;b, Signature=<hex>`, with X-Amz-Date or Date, and X-Amz-Security-Token for temporary
// credentials), or a presigned URL's query (X-Amz-Algorithm, -Credential, -Date, -SignedHeaders, -Signature,
// -Expires, -Security-Token). Only the form is checked here; the time, the key and the signature come after.

export interface SignatureClaim {
  accessKeyId: string;
  /** The credential scope after the key, `<date>/<region>/<service>/aws4_request`. */
  scope: string;
  region: string;
  service: string;
  /** The signing time, `20201027T123008Z`. */
  amzDate: string;
  signedAt: Date;
  /** Lowercase header names, in the order given. */
  signedHeaders: string[];
  signature: string;
  securityToken: string | undefined;
  /** Presigned URLs: how long the signature stays valid, in seconds. */
  expiresIn: number | undefined;
}

/** The query as the client signed it: names and values percent-decoded (a `+` stays a `+`), repeats kept. */
export type SignedQuery = Record<string, string[]>;

export function signedQuery(rawQuery: string): SignedQuery {
  // No prototype: a parameter named `constructor` or `__proto__` is a parameter like any other.
  const query: SignedQuery = Object.create(null);
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    (query[decode(at < 0 ? pair : pair.slice(0, at))] ??= []).push(at < 0 ? '' : decode(pair.slice(at + 1)));
  }
  return query;
}

/** The signature a request claims, `unsigned` when it has none at all, or why its form is refused. */
export function signatureClaim(request: GatewayRequest, query: SignedQuery): SignatureClaim | 'unsigned' | IamRefusal {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) return fromHeader(request, authorization);
  const param = (name: string) => query[name]?.at(-1);
  if (['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature'].some((name) => param(name) !== undefined)) return fromQuery(param);
  return 'unsigned';
}

function fromHeader(request: GatewayRequest, authorization: string): SignatureClaim | IamRefusal {
  const [, rest] = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization.trim()) ?? [];
  const params = new Map<string, string>();
  for (const part of rest?.split(',') ?? []) {
    const at = part.indexOf('=');
    if (at > 0) params.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const amzDate = header(request, 'x-amz-date');
  const date = amzDate ?? header(request, 'date');
  const missing = [
    params.get('Credential') ? '' : "Authorization header requires 'Credential' parameter.",
    params.get('Signature') ? '' : "Authorization header requires 'Signature' parameter.",
    params.get('SignedHeaders') ? '' : "Authorization header requires 'SignedHeaders' parameter.",
    date ? '' : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  ].filter(Boolean);
  if (missing.length > 0) return incompleteHeader(missing, authorization);
  // A Date header (RFC 7231) stands for X-Amz-Date when there is none; the string to sign holds it in basic format.
  const fromDateHeader = amzDate === undefined && !Number.isNaN(Date.parse(date!)) ? basicDate(new Date(date!)) : undefined;
  return claim({
    credential: params.get('Credential')!,
    amzDate: fromDateHeader ?? date!,
    signedHeaders: params.get('SignedHeaders')!,
    signature: params.get('Signature')!,
    securityToken: header(request, 'x-amz-security-token'),
    expires: undefined,
  });
}

function fromQuery(param: (name: string) => string | undefined): SignatureClaim | IamRefusal {
  const required = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'];
  const missing = required.filter((name) => !param(name) || (name === 'X-Amz-Algorithm' && param(name) !== 'AWS4-HMAC-SHA256'));
  if (missing.length > 0) return incompleteQuery(missing);
  return claim({
    credential: param('X-Amz-Credential')!,
    amzDate: param('X-Amz-Date')!,
    signedHeaders: param('X-Amz-SignedHeaders')!,
    signature: param('X-Amz-Signature')!,
    securityToken: param('X-Amz-Security-Token'),
    expires: param('X-Amz-Expires'),
  });
}

interface Given {
  credential: string;
  amzDate: string;
  signedHeaders: string;
  signature: string;
  securityToken: string | undefined;
  expires: string | undefined;
}

function claim(given: Given): SignatureClaim | IamRefusal {
  const signedAt = parseBasic(given.amzDate);
  if (!signedAt) return malformedDate(given.amzDate);
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = given.credential.split('/');
  const scopeRefusal = wrongScope({ region, service, terminator });
  if (scopeRefusal) return scopeRefusal;
  if (scopeDate !== given.amzDate.slice(0, 8)) return scopeDateMismatch(scopeDate, given.amzDate);
  const expiresIn = given.expires === undefined ? undefined : Number(given.expires);
  return {
    accessKeyId,
    scope: `${scopeDate}/${region}/${service}/${terminator}`,
    region,
    service,
    amzDate: given.amzDate,
    signedAt,
    signedHeaders: given.signedHeaders.split(';').map((name) => name.trim().toLowerCase()).filter(Boolean),
    signature: given.signature,
    securityToken: given.securityToken,
    expiresIn: expiresIn !== undefined && Number.isInteger(expiresIn) && expiresIn > 0 ? expiresIn : undefined,
  };
}

function parseBasic(value: string): Date | undefined {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) ?? [];
  if (!y) return undefined;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A header's value as signed: repeated headers joined by commas (SigV4's canonical headers). */
export function header(request: GatewayRequest, name: string): string | undefined {
  // Own headers only: a signed header named `__proto__` or `constructor` is one the request does not have.
  const value = Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
