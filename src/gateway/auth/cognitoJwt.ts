import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { MAX_TOKEN_AGE } from '../../cognito/tokens/claims.js';
import type { PoolKeys } from '../routes.js';

// Checking a token of a local user pool, for both gateways' Cognito authorizers (REST COGNITO_USER_POOLS, HTTP API
// JWT with a local pool's issuer). What each authorizer checks on top (token_use, scopes, audience) stays with it;
// this only answers whether the token is a genuine, unexpired token of one of the given pools.

export type PoolTokenResult =
  | { claims: JWTPayload; poolId: string }
  /** `expired`: signed by the pool, but past `exp`; `invalid`: anything else (malformed, unknown issuer, forged). */
  | { error: 'invalid' | 'expired' };

export interface PoolTokenOptions {
  /** The pools whose tokens are accepted (REST: from ProviderARNs; HTTP API: from the Issuer). */
  poolIds: string[];
  pools: PoolKeys;
  now: Date;
}

/**
 * Verifies `token` (the bare JWT, see `bearerToken`) against the pool whose issuer its `iss` names: RS256 signature
 * with the pool's JWKS, then `exp`, `nbf` and `iat` against `now`. The signature is checked before the expiry, so a forged
 * expired token is `invalid`.
 */
export async function verifyPoolToken(token: string, options: PoolTokenOptions): Promise<PoolTokenResult> {
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return { error: 'invalid' };
  }
  const poolId = options.poolIds.find((id) => typeof issuer === 'string' && options.pools.issuers(id).includes(issuer));
  const jwks = poolId === undefined ? undefined : await options.pools.jwks(poolId);
  if (poolId === undefined || !jwks) return { error: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, keySet(poolId, jwks), {
      issuer: issuer as string,
      algorithms: ['RS256'],
      currentDate: options.now,
      // `iat` "must be before the current time" (http-api-jwt-authorizer); jose checks it only against a maximum
      // age, and no ID or access token of a pool lives longer than a day (token validity limits). A pool's token
      // from the future is one issued under a clock that has since moved back.
      maxTokenAge: MAX_TOKEN_AGE,
    });
    return { claims: payload, poolId };
  } catch (error) {
    return { error: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}

/**
 * The token in an Authorization-style header value: the raw JWT, or `Bearer <jwt>`. API Gateway documents the raw
 * form for REST Cognito authorizers and both for HTTP API JWT authorizers; REST accepts `Bearer` too in practice
 * (shared/reference/triggers-and-authorizers.md §2, "Header format").
 */
export function bearerToken(value: string | undefined): string | undefined {
  const token = value?.trim().replace(/^bearer\s+/i, '');
  return token ? token : undefined;
}

// Importing a JWKS costs more than verifying with it: keep the imported set per pool while its keys stay the same.
const keySets = new Map<string, { kids: string; set: ReturnType<typeof createLocalJWKSet> }>();

function keySet(poolId: string, jwks: { keys: object[] }): ReturnType<typeof createLocalJWKSet> {
  const kids = jwks.keys.map((key) => String((key as { kid?: unknown }).kid)).join(' ');
  const known = keySets.get(poolId);
  if (known?.kids === kids) return known.set;
  const set = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
  keySets.set(poolId, { kids, set });
  return set;
}
