import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { Transaction } from '../../store/store.js';
import type { UserPoolClientRecord } from '../model/client.js';
import type { UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';

// The contract between sign-in (which issues tokens), the operations that take tokens, and the token service
// (src/cognito/tokens/): what a token says and when it stops working is decided here and only here.

export interface IssueRequest {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
  user: UserRecord;
  /** Epoch seconds of the authentication this session started with: `auth_time`, kept across refreshes. */
  authTime: number;
  /** Set when refreshing: the session's `origin_jti`, kept across refreshes. Absent for a new sign-in. */
  originJti?: string;
  /** The access token's scopes; API sign-ins get `aws.cognito.signin.user.admin` only. */
  scopes?: string[];
  /** Whether to include a refresh token: new sign-ins yes; refreshes only when rotation is on. */
  refreshToken: boolean;
  /**
   * Set when a refresh rotates: the `jti` of the refresh token being replaced. It stops working once the client's
   * grace period has passed; issuing fails with RefreshTokenReuseException when that has already happened.
   */
  rotatedOut?: string;
  /** A remembered device (`device_key` claim). */
  deviceKey?: string;
  /** The OAuth `nonce` to echo in the ID token (hosted UI). */
  nonce?: string;
  /**
   * Issued through the OAuth2 endpoints (code, implicit, and their refreshes): the access token carries `version: 2`
   * and the ID token `at_hash`, and there is an ID token only when `openid` was granted (cognito-api.md §4.2-§4.3;
   * authorization-endpoint: "An ID token is returned only if openid scope is requested"). A refresh keeps what its
   * session began with, whichever refresh operation it goes through; leave it unset there.
   */
  hosted?: boolean;
  /** What the pool's PreTokenGeneration function changed (src/cognito/triggers/preTokenGeneration.ts). */
  overrides?: TokenOverrides;
}

/** Claims a PreTokenGeneration function adds to or removes from one token; a claim in both is removed. */
export interface ClaimChanges {
  add: Record<string, unknown>;
  suppress: string[];
}

/**
 * A PreTokenGeneration response, checked. Claims Cognito reserves are never changed, whatever is asked
 * (./overrides.ts). `scopes` is what the access token's `scope` says; the refresh token keeps the scopes it had.
 */
export interface TokenOverrides {
  id: ClaimChanges;
  /** Absent for V1_0 functions, which customise the ID token only. */
  access?: ClaimChanges;
  scopes?: string[];
  /** groupOverrideDetails: `cognito:groups` in both tokens, the role claims in the ID token. */
  groups?: { groups: string[]; roles: string[]; preferredRole?: string };
}

/** The sign-in a refresh token stands for. */
export interface RefreshSession {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
  user: UserRecord;
  authTime: number;
  originJti: string;
  /** The refresh token's own id, what `IssueRequest.rotatedOut` names. */
  jti: string;
  scopes: string[];
  deviceKey?: string;
}

/** What an operation that takes an AccessToken knows once the token checks out. */
export interface AccessTokenContext {
  pool: UserPoolRecord;
  user: UserRecord;
  clientId: string;
  originJti: string;
  scopes: string[];
  claims: Record<string, unknown>;
}

/** A client_credentials grant: the client is the subject, no user and no session. */
export interface ClientIssueRequest {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
  /** Resource-server scopes (`<identifier>/<scope>`) granted. */
  scopes: string[];
}

export interface Tokens {
  /** Signs the ID and access tokens (RS256, the pool's keys) and, when asked, seals a refresh token. */
  issue(request: IssueRequest): Promise<AuthenticationResultType>;
  /** An access token for a client_credentials grant (machine to machine): access token only, never refreshed. */
  issueForClient(request: ClientIssueRequest): Promise<{ AccessToken: string; ExpiresIn: number; TokenType: 'Bearer' }>;
  /**
   * The session behind a refresh token presented by `clientId`. NotAuthorizedException ("Invalid Refresh Token")
   * when it is forged, expired, revoked, signed out, from another client, or its user is gone or disabled;
   * RefreshTokenReuseException when rotation invalidated it (rotated out longer ago than the client's grace period).
   */
  openRefreshToken(refreshToken: string, clientId: string): Promise<RefreshSession>;
  /**
   * Checks an access token the way AWS does for GetUser and friends: signature, expiry, `token_use: access`,
   * not revoked and not signed out, the user still there and enabled. NotAuthorizedException otherwise.
   */
  verifyAccessToken(accessToken: string): Promise<AccessTokenContext>;
  /** RevokeToken: the refresh token and every token issued from it stop working. */
  revokeRefreshToken(refreshToken: string, clientId: string, clientSecret?: string): Promise<void>;
  /** GlobalSignOut, AdminUserGlobalSignOut: every token the user holds now stops working (in `tx`). */
  signOutEverywhere(tx: Transaction, pool: UserPoolRecord, user: UserRecord): Promise<void>;
  /** The `iss` of the pool's tokens (`--issuer local|aws`). */
  issuer(poolId: string): string;
  /** The pool's public keys as `/<poolId>/.well-known/jwks.json` serves them; undefined when there is no such pool. */
  jwks(poolId: string): Promise<{ keys: JsonWebKeyEntry[] } | undefined>;
  /** `/<poolId>/.well-known/openid-configuration`; undefined when there is no such pool. */
  openidConfiguration(poolId: string): Promise<Record<string, unknown> | undefined>;
}

export interface JsonWebKeyEntry {
  alg: 'RS256';
  e: string;
  kid: string;
  kty: 'RSA';
  n: string;
  use: 'sig';
}
