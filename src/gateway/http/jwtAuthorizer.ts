import { decodeJwt } from 'jose';
import { bearerToken, verifyPoolToken } from '../auth/cognitoJwt.js';
import type { GatewayDeps, GatewayRequest, GatewayResponse } from '../routes.js';
import { renderClaims, tokenScopes } from './claims.js';
import type { Authorization } from './events.js';
import { identityValues } from './identitySource.js';
import type { HttpAuthorizer } from './model.js';
import { gatewayError } from './responses.js';

// The JWT authorizer of HTTP APIs, as AWS documents its evaluation (http-api-jwt-authorizer, "Authorizing API
// requests"): the token from the identity source, bare or after `Bearer `; its signature with the issuer's keys;
// `iss` equal to the configured Issuer; `aud`, or `client_id` when there is no `aud`, among the Audience
// (http-api-troubleshooting-jwt); `exp` and `nbf` against now; then one of the route's scopes in `scope`/`scp`.
// Cogniform fetches no keys from the network: an Issuer is accepted when it is one of the forms a local pool's
// issuer takes (`https://cognito-idp.<region>.amazonaws.com/<poolId>` or the local one), and the token is checked
// against that pool's keys.

type JwtAuthorizer = Extract<HttpAuthorizer, { type: 'JWT' }>;

export type AuthorizerOutcome = { authorization: Authorization } | { response: GatewayResponse };

export async function authorizeJwt(
  authorizer: JwtAuthorizer,
  routeScopes: string[],
  request: GatewayRequest,
  deps: Pick<GatewayDeps, 'pools' | 'clock' | 'log'>,
): Promise<AuthorizerOutcome> {
  const sources = authorizer.identitySource.length > 0 ? authorizer.identitySource : ['$request.header.Authorization'];
  const token = bearerToken(identityValues(sources.slice(0, 1), request)?.[0]);
  // No token at all is refused before any token is looked at, so there is nothing to describe.
  if (!token) return { response: gatewayError(401, 'Unauthorized') };

  const poolId = localPool(authorizer.issuer, deps);
  if (!poolId) {
    deps.log.error(`JWT authorizer ${authorizer.name}: issuer ${authorizer.issuer} is not a local user pool's; its tokens cannot be checked`);
    return unauthorized('the token does not have a valid issuer');
  }
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return unauthorized('the token is malformed');
  }
  if (typeof issuer !== 'string' || !deps.pools.issuers(poolId).includes(issuer)) {
    return unauthorized('the token does not have a valid issuer');
  }
  const verified = await verifyPoolToken(token, { poolIds: [poolId], pools: deps.pools, now: deps.clock.now() });
  if ('error' in verified) {
    return unauthorized(verified.error === 'expired' ? 'the token has expired' : 'the token signature is invalid');
  }
  const claims = verified.claims as Record<string, unknown>;
  // `aud` wins when both are present (http-api-troubleshooting-jwt).
  const audiences = claims.aud !== undefined ? [claims.aud].flat() : [claims.client_id];
  if (!audiences.some((audience) => typeof audience === 'string' && authorizer.audience.includes(audience))) {
    return unauthorized('the token does not have a valid audience');
  }
  const scopes = tokenScopes(claims);
  if (routeScopes.length > 0 && !routeScopes.some((scope) => scopes.includes(scope))) {
    return { response: gatewayError(403, 'Forbidden') };
  }
  // `scopes` is null when the route asks for none (aws-lambda-go#317, DefinitelyTyped#75458).
  return { authorization: { kind: 'jwt', claims: renderClaims(claims), scopes: routeScopes.length > 0 ? scopes : null } };
}

/**
 * The local pool an Issuer URL names: its last path segment, when that pool lists the URL among its issuers.
 * A trailing slash is tolerated, as a hand-written Issuer often has one.
 */
function localPool(issuerUrl: string, deps: Pick<GatewayDeps, 'pools'>): string | undefined {
  const issuer = issuerUrl.replace(/\/+$/, '');
  const poolId = issuer.slice(issuer.lastIndexOf('/') + 1);
  return poolId && deps.pools.issuers(poolId).includes(issuer) ? poolId : undefined;
}

/**
 * 401 with the challenge AWS sends. Only "the token does not have a valid audience" is documented
 * (http-api-troubleshooting-jwt); the other descriptions follow its wording.
 */
function unauthorized(description: string): AuthorizerOutcome {
  return {
    response: gatewayError(401, 'Unauthorized', {
      'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${description}"`,
    }),
  };
}
