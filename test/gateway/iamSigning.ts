import { SignatureV4 } from '@smithy/signature-v4';
import type { CredentialsLookup, IssuedCredentials } from '../../src/cognitoIdentity/credentials.js';
import { Sha256 } from '../../src/gateway/auth/iamSha256.js';
import type { GatewayRequest } from '../../src/gateway/routes.js';

// What the AWS_IAM gateway tests share: temporary credentials as an identity pool issues them, a lookup over a
// fixed set of them, and requests signed by @smithy/signature-v4 (what the AWS SDKs sign with), in the path form
// `/restapis/<apiId>/<stage>/_user_request_/<path>` that src/server hands over.

export const POOL_PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Iam0Pool1';
export const SUB = '4f1a7e52-6c1d-4b3e-9a57-1d2c3b4a5f60';

/** Credentials of an authenticated identity signed in through a user pool; `given` overrides. */
export function issuedCredentials(given: Partial<IssuedCredentials> = {}): IssuedCredentials {
  return {
    accessKeyId: 'ASIAIAMTESTKEY000001',
    secretAccessKey: 'iam-test-secret/0000000000000000000000001',
    sessionToken: 'IQoJb3JpZ2luX2VjEIAMTESTSESSIONTOKEN01==',
    expiration: Date.now() + 3600_000,
    region: 'us-east-1',
    accountId: '000000000000',
    identityPoolId: 'us-east-1:0f3c6a2e-1111-4b5c-9d7e-000000000001',
    identityId: 'us-east-1:7b2d9c4e-2222-4f6a-8b1c-000000000002',
    authenticated: true,
    roleArn: 'arn:aws:iam::000000000000:role/Cognito_AppAuth_Role',
    logins: [{ provider: POOL_PROVIDER, sub: SUB }],
    ...given,
  };
}

export function lookupOf(...issued: IssuedCredentials[]): CredentialsLookup {
  return { find: async (accessKeyId) => issued.find((c) => c.accessKeyId === accessKeyId) };
}

export interface CallSpec {
  apiId: string;
  stage: string;
  method: string;
  /** The path after the stage, with `/`; may be percent-encoded. */
  path: string;
  /** Without `?`, percent-encoded. */
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Host the client talks to (default `localhost:4566`). */
  host?: string;
  /** The URL path the client calls (default the path form); the Host-header form has its own. */
  urlPath?: string;
}

export interface SignOptions {
  service?: string;
  region?: string;
  signingDate?: Date;
  /** Credentials to sign with, when not the issued ones as they are (wrong secret, no session token...). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** `spec` signed with `credentials` in the Authorization header, as a GatewayRequest. */
export async function signedRequest(spec: CallSpec, credentials: IssuedCredentials, options: SignOptions = {}): Promise<GatewayRequest> {
  const signed = await signer(credentials, options).sign(toSign(spec), { signingDate: options.signingDate ?? new Date() });
  return gatewayRequest(spec, signed.headers as Record<string, string>, spec.query ?? '');
}

/** `spec` as a presigned URL (query-string authentication), as a GatewayRequest. */
export async function presignedRequest(
  spec: CallSpec, credentials: IssuedCredentials, expiresIn: number, options: SignOptions = {},
): Promise<GatewayRequest> {
  const presigned = await signer(credentials, options).presign(toSign(spec), { expiresIn, signingDate: options.signingDate ?? new Date() });
  const rawQuery = Object.entries(presigned.query ?? {})
    .flatMap(([name, value]) => [value ?? ''].flat().map((v) => `${escape(name)}=${escape(v)}`))
    .join('&');
  return gatewayRequest(spec, presigned.headers as Record<string, string>, rawQuery);
}

/** The request unsigned, as src/server would hand it over. */
export function unsignedRequest(spec: CallSpec): GatewayRequest {
  return gatewayRequest(spec, { host: spec.host ?? 'localhost:4566', ...spec.headers }, spec.query ?? '');
}

function signer(credentials: IssuedCredentials, options: SignOptions): SignatureV4 {
  return new SignatureV4({
    service: options.service ?? 'execute-api',
    region: options.region ?? credentials.region,
    sha256: Sha256,
    credentials: options.credentials
      ?? { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken },
  });
}

function toSign(spec: CallSpec) {
  const host = spec.host ?? 'localhost:4566';
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(spec.query ?? '')) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [previous].flat().concat(value);
  }
  return {
    method: spec.method,
    protocol: 'http:',
    hostname: host.split(':')[0]!,
    path: urlPath(spec),
    query,
    headers: { host, ...spec.headers },
    ...(spec.body !== undefined ? { body: spec.body } : {}),
  };
}

function gatewayRequest(spec: CallSpec, headers: Record<string, string>, rawQuery: string): GatewayRequest {
  return {
    apiId: spec.apiId,
    stage: spec.stage,
    method: spec.method,
    path: spec.path,
    rawQuery,
    signedPath: urlPath(spec),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    body: Buffer.from(spec.body ?? ''),
    sourceIp: '127.0.0.1',
    receivedAt: Date.now(),
  };
}

const urlPath = (spec: CallSpec) => spec.urlPath ?? `/restapis/${spec.apiId}/${spec.stage}/_user_request_${spec.path}`;

/** RFC 3986 encoding, as SigV4 wants query names and values. */
const escape = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
