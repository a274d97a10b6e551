import type { GroupRecord } from '../model/group.js';
import { roleClaims } from './claims.js';
import type { ClaimChanges, TokenOverrides } from './tokens.js';

// Applying a PreTokenGeneration response to the claims of a token being signed (developer guide, "Pre token
// generation Lambda trigger"). The trigger itself runs before issuing (src/cognito/triggers/preTokenGeneration.ts).

/**
 * "You can not modify the following claims" (archived developer guide, user-pool-lambda-pre-token-generation.md).
 * AWS drops such a change silently rather than failing the sign-in (second-hand: KensioSoftware/yulin#427, "a
 * handler that appears to work here and silently does nothing in production").
 */
const RESERVED = [
  'acr', 'amr', 'aud', 'at_hash', 'auth_time', 'azp', 'cognito:username', 'exp', 'iat', 'identities', 'iss', 'jti',
  'nbf', 'nonce', 'origin_jti', 'sub', 'token_use',
];

/**
 * The access token's own identity claims are protected too: `scope` changes through scopesToAdd/scopesToSuppress
 * only, and `client_id` and `username` name the session (recalled from the V2_0 page, not confirmed).
 */
const PROTECTED = {
  id: new Set(RESERVED),
  access: new Set([...RESERVED, 'client_id', 'scope', 'username']),
};

/** `claims` with the function's changes; "if a value is both suppressed and replaced, then it will be suppressed". */
export function withChanges(
  claims: Record<string, unknown>,
  changes: ClaimChanges | undefined,
  token: keyof typeof PROTECTED,
): Record<string, unknown> {
  if (!changes) return claims;
  const reserved = PROTECTED[token];
  const result = { ...claims };
  for (const [name, value] of Object.entries(changes.add)) if (!reserved.has(name)) result[name] = value;
  for (const name of changes.suppress) if (!reserved.has(name)) delete result[name];
  return result;
}

/**
 * `cognito:groups` (both tokens) and the role claims (ID token): the user's, or those of groupOverrideDetails,
 * which "will replace the cognito:groups claim in access tokens as well as ID tokens"; empty lists drop the claims.
 */
export function membershipClaims(
  groups: GroupRecord[],
  override: TokenOverrides['groups'],
): { groups: Record<string, unknown>; roles: Record<string, unknown> } {
  if (!override) {
    return { groups: groups.length ? { 'cognito:groups': groups.map((g) => g.GroupName) } : {}, roles: roleClaims(groups) };
  }
  return {
    groups: override.groups.length ? { 'cognito:groups': override.groups } : {},
    roles: {
      ...(override.roles.length ? { 'cognito:roles': override.roles } : {}),
      ...(override.preferredRole !== undefined ? { 'cognito:preferred_role': override.preferredRole } : {}),
    },
  };
}
