import { createHash } from 'node:crypto';

// Claims only the OAuth2 endpoints put in tokens (cognito-api.md §4.2-§4.3).

/**
 * OpenID Connect Core §3.1.3.6 (and §3.2.2.9 for the implicit flow): base64url of the left-most half of the hash of
 * the access token's ASCII octets, with the hash of the ID token's `alg` (RS256: SHA-256).
 */
export function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/**
 * A client_credentials access token: the client is its own subject (`sub` = `client_id`), no `username`, no
 * `origin_jti` or `event_id` (no user session), `auth_time` the time of issue, `version: 2` as every token-endpoint
 * token has (the access-token page's M2M sample; aws-jwt-verify types `version`). Recalled, not seen on the wire.
 */
export function clientCredentialsClaims(claims: {
  issuer: string;
  clientId: string;
  scopes: string[];
  iat: number;
  exp: number;
  jti: string;
}): Record<string, unknown> {
  const { issuer, clientId, scopes, iat, exp, jti } = claims;
  return {
    sub: clientId,
    token_use: 'access',
    ...(scopes.length ? { scope: scopes.join(' ') } : {}),
    auth_time: iat,
    iss: issuer,
    exp,
    iat,
    version: 2,
    jti,
    client_id: clientId,
  };
}
