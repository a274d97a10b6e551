import { InvalidLambdaResponseException } from '../errors.js';
import type { ClaimChanges, TokenOverrides } from '../tokens/tokens.js';

// Reading a PreTokenGeneration response (developer guide, "Pre token generation Lambda trigger", response
// parameters): V1_0's `claimsOverrideDetails` (ID token only, string claims) and V2_0/V3_0's
// `claimsAndScopeOverrideDetails` (both tokens; "String, Number, Boolean, Array of strings, numbers, booleans or a
// combination of any of these, JSON"). Anything else is a response Cognito cannot read: InvalidLambdaResponseException
// with AWS's "Unrecognizable lambda output" (as src/cognito/triggers/signUpTriggers.ts words it).

type Json = Record<string, unknown>;

const unreadable = (what: string) =>
  new InvalidLambdaResponseException(`Unrecognizable lambda output: PreTokenGeneration returned ${what}.`);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An optional object member: undefined when absent or null. */
function object(value: unknown, path: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw unreadable(`${path} that is not an object`);
  return value;
}

function strings(value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw unreadable(`${path} that is not a list of strings`);
  return value as string[];
}

function claimChanges(value: unknown, path: string, anyJson: boolean): ClaimChanges {
  const details = object(value, path) ?? {};
  const add = object(details.claimsToAddOrOverride, `${path}.claimsToAddOrOverride`) ?? {};
  for (const [name, claim] of Object.entries(add)) {
    if (anyJson ? claim === null : typeof claim !== 'string') {
      throw unreadable(`${path}.claimsToAddOrOverride.${name} = ${JSON.stringify(claim)}`);
    }
  }
  return { add, suppress: strings(details.claimsToSuppress, `${path}.claimsToSuppress`) };
}

/**
 * groupOverrideDetails "is replaced with the one you provide. If you provide an empty or null object in the
 * response, then the groups are suppressed" (archived developer guide): so a member given, even null, replaces
 * the groups, and only a response that leaves it out keeps them.
 */
function groupOverride(details: Json, path: string): TokenOverrides['groups'] {
  if (!('groupOverrideDetails' in details)) return undefined;
  const groups = object(details.groupOverrideDetails, `${path}.groupOverrideDetails`) ?? {};
  const preferred = groups.preferredRole;
  if (preferred !== undefined && preferred !== null && typeof preferred !== 'string') {
    throw unreadable(`${path}.groupOverrideDetails.preferredRole that is not a string`);
  }
  return {
    groups: strings(groups.groupsToOverride, `${path}.groupOverrideDetails.groupsToOverride`),
    roles: strings(groups.iamRolesToOverride, `${path}.groupOverrideDetails.iamRolesToOverride`),
    ...(typeof preferred === 'string' ? { preferredRole: preferred } : {}),
  };
}

/** V1_0: `claimsOverrideDetails`, for the ID token (and the groups of both). Undefined: nothing changes. */
export function v1Overrides(value: unknown): TokenOverrides | undefined {
  const details = object(value, 'claimsOverrideDetails');
  if (!details) return undefined;
  const groups = groupOverride(details, 'claimsOverrideDetails');
  return { id: claimChanges(details, 'claimsOverrideDetails', false), ...(groups ? { groups } : {}) };
}

/** V2_0 / V3_0: `claimsAndScopeOverrideDetails`, for both tokens and the access token's scopes. */
export function v2Overrides(value: unknown, scopes: string[]): TokenOverrides | undefined {
  const path = 'claimsAndScopeOverrideDetails';
  const details = object(value, path);
  if (!details) return undefined;
  const accessPath = `${path}.accessTokenGeneration`;
  const access = object(details.accessTokenGeneration, accessPath) ?? {};
  const added = strings(access.scopesToAdd, `${accessPath}.scopesToAdd`);
  const suppressed = new Set(strings(access.scopesToSuppress, `${accessPath}.scopesToSuppress`));
  const groups = groupOverride(details, path);
  return {
    id: claimChanges(details.idTokenGeneration, `${path}.idTokenGeneration`, true),
    access: claimChanges(access, accessPath, true),
    // Suppression wins over addition, as it does for claims.
    scopes: [...new Set([...scopes, ...added])].filter((scope) => !suppressed.has(scope)),
    ...(groups ? { groups } : {}),
  };
}
