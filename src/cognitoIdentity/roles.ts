import type { MappingRule, RoleMapping } from '@aws-sdk/client-cognito-identity';
import { noRole, notAuthorized } from './errors.js';
import type { IdentityAccess } from './access.js';
import type { VerifiedLogin } from './logins.js';

// Which role a set of credentials stands for (identity pools developer guide, "Role-based access control"):
// an unauthenticated identity gets the pool's unauthenticated role; an authenticated one its login's role mapping
// when the pool has one (keyed `cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`, or by the provider
// alone), else the authenticated role. A Token mapping takes the ID token's `cognito:preferred_role`, or
// CustomRoleArn when it is one of `cognito:roles`; a Rules mapping the first rule that matches. When neither
// decides, AmbiguousRoleResolution does: AuthenticatedRole, or Deny ("The ambiguous role mapping rules denied this
// request.", amplify-js#8644). No role at all is InvalidIdentityPoolConfigurationException.

export function resolveRole({ pool, logins }: IdentityAccess, customRoleArn: string | undefined): string {
  if (!logins.length) return pool.Roles.unauthenticated ?? raise(noRole());
  for (const login of logins) {
    const mapping = pool.RoleMappings[`${login.provider}:${login.clientId}`] ?? pool.RoleMappings[login.provider];
    if (!mapping) continue;
    const decided = mapping.Type === 'Token' ? fromToken(login, customRoleArn) : fromRules(mapping, login);
    if (decided) return decided;
    if (mapping.AmbiguousRoleResolution === 'Deny') throw notAuthorized('The ambiguous role mapping rules denied this request.');
    break;
  }
  return pool.Roles.authenticated ?? raise(noRole());
}

function raise(error: Error): never {
  throw error;
}

function fromToken({ claims }: VerifiedLogin, customRoleArn: string | undefined): string | undefined {
  const roles = Array.isArray(claims['cognito:roles']) ? (claims['cognito:roles'] as unknown[]).map(String) : [];
  if (customRoleArn !== undefined) return roles.includes(customRoleArn) ? customRoleArn : undefined;
  const preferred = claims['cognito:preferred_role'];
  return typeof preferred === 'string' ? preferred : undefined;
}

function fromRules(mapping: RoleMapping, { claims }: VerifiedLogin): string | undefined {
  // The token's own claims only: a rule on `constructor` or `hasOwnProperty` must not read Object.prototype's.
  return mapping.RulesConfiguration?.Rules?.find((rule) => matches(rule, Object.hasOwn(claims, rule.Claim!) ? claims[rule.Claim!] : undefined))?.RoleARN;
}

/** A multi-valued claim (`cognito:groups`) matches when one of its values does; NotEqual when none equals. */
function matches(rule: MappingRule, claim: unknown): boolean {
  if (claim === undefined || claim === null) return false;
  const values = (Array.isArray(claim) ? claim : [claim]).map(String);
  const value = rule.Value!;
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(value);
    case 'NotEqual':
      return !values.includes(value);
    case 'Contains':
      return values.some((v) => v.includes(value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(value));
    default:
      return false;
  }
}
