import type { StackRecord } from '../iac/stacks/stackRecord.js';

// The contract between the API Gateway emulation (src/gateway/rest, src/gateway/http) and the rest: the APIs are
// derived from the persisted stacks (their resolved resource properties), so they survive restarts and change
// with every reconcile; requests reach them through src/server/gateway.ts.

/** A request as the gateway sees it, whatever URL form reached it. */
export interface GatewayRequest {
  apiId: string;
  /** REST: the stage in the URL; HTTP APIs: the stage, or `$default`. */
  stage: string;
  method: string;
  /** The path after the stage, starting with `/` (REST: `/_user_request_` already removed). */
  path: string;
  /** Query string without `?`, as received (order and repeats kept). */
  rawQuery: string;
  /**
   * The URL's path as the client sent it, still percent-encoded, before the Host-header form was rewritten: what a
   * SigV4 signature covers (AWS_IAM). Absent when the request did not come over HTTP; the path form is meant then.
   */
  signedPath?: string;
  /** Header names lowercased; repeated headers as arrays. */
  headers: Record<string, string | string[]>;
  body: Buffer;
  sourceIp: string;
  /** Epoch milliseconds the request arrived. */
  receivedAt: number;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer | string;
}

/** A route for `GET /_cogniform/routes` (DESIGN.md §3). */
export interface RouteListing {
  apiId: string;
  apiType: 'REST' | 'HTTP';
  stage: string;
  method: string;
  path: string;
  url: string;
  authorizer: { type: string; name: string; scopes: string[] } | null;
  /** The function name the integration invokes, or null (MOCK, HTTP). */
  function: string | null;
}

/** One API type's gateway built from the stacks: REST (v1) or HTTP (v2). */
export interface ApiGateway {
  /** Whether `apiId` is one of this gateway's APIs. */
  has(apiId: string): boolean;
  handle(request: GatewayRequest): Promise<GatewayResponse>;
  routes(baseUrl: string): RouteListing[];
}

export type StacksSource = () => StackRecord[];

/** What a gateway needs from the rest of cogniform. */
export interface GatewayDeps {
  /** The local functions integrations and Lambda authorizers invoke (src/lambda). */
  functions: import('../lambda/functions.js').Functions;
  /** The public keys and accepted issuers of a local user pool, for COGNITO_USER_POOLS and JWT authorizers. */
  pools: PoolKeys;
  /** The credentials the identity pools issued, for AWS_IAM authorization (SigV4 verified with their secret). */
  credentials: import('../cognitoIdentity/credentials.js').CredentialsLookup;
  clock: { now(): Date };
  log: { info(message: string): void; error(message: string, error?: unknown): void };
  region: string;
  accountId: string;
}

export interface PoolKeys {
  /** The pool's JWKS (`/<poolId>/.well-known/jwks.json`), or undefined when no such pool exists. */
  jwks(poolId: string): Promise<{ keys: object[] } | undefined>;
  /**
   * The issuers a token of the pool may carry: the configured one and both forms cogniform knows
   * (`http://localhost:<port>/<poolId>`, `https://cognito-idp.<region>.amazonaws.com/<poolId>`).
   */
  issuers(poolId: string): string[];
}
