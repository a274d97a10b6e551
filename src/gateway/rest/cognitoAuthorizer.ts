import { bearerToken, verifyPoolToken } from '../auth/cognitoJwt.js';
import type { GatewayDeps } from '../routes.js';
import { deny, identityValue, matchesExpression, type Authorization } from './authorization.js';
import type { RestCall } from './call.js';
import { restClaims } from './claims.js';
import { responses } from './gatewayResponses.js';
import type { RestAuthorizer, RestMethod } from './model.js';

// COGNITO_USER_POOLS (shared/reference/triggers-and-authorizers.md §2, from the developer guide's "Control access to
// REST APIs using Amazon Cognito user pools as an authorizer"): the token comes from the identity source, raw or
// `Bearer `; it must be a token of one of ProviderARNs' pools (issuer, signature, expiry). With no
// AuthorizationScopes on the method it must be an ID token; with scopes, an access token holding at least one of
// them. The client id is not checked; IdentityValidationExpression, when set, must match the ID token's `aud`.

export async function cognitoAuthorize(
  deps: Pick<GatewayDeps, 'pools' | 'clock'>, authorizer: RestAuthorizer, method: RestMethod, call: RestCall,
): Promise<Authorization> {
  const unauthorized = deny(responses.unauthorized);
  const token = bearerToken(identityValue(authorizer.identitySource, call.request, call));
  if (!token) return unauthorized;
  const verified = await verifyPoolToken(token, { poolIds: authorizer.poolIds, pools: deps.pools, now: deps.clock.now() });
  if ('error' in verified) return verified.error === 'expired' ? deny(responses.expired) : unauthorized;
  const { claims } = verified;
  if (method.scopes.length) {
    const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (claims.token_use !== 'access' || !method.scopes.some((scope) => granted.includes(scope))) return unauthorized;
  } else if (claims.token_use !== 'id') {
    return unauthorized;
  }
  if (authorizer.validationExpression !== undefined && !matchesExpression(authorizer.validationExpression, claims.aud)) return unauthorized;
  // `scopes` beside `claims` as AWS's sample event has it: null when the method names none (recalled: with
  // scopes, the token's granted scopes).
  return {
    allowed: true,
    context: { claims: restClaims(claims), scopes: method.scopes.length ? String(claims.scope).split(' ') : null },
  };
}
