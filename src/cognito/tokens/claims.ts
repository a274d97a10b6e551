import type { Store } from '../../store/store.js';
import { groups, memberships, type GroupRecord } from '../model/group.js';
import type { UserPoolClientRecord } from '../model/client.js';
import type { UserRecord } from '../model/user.js';

// What the ID and access tokens say (AWS developer guide, "Understanding the identity (ID) token" and "... the
// access token"; real tokens quoted in localstack#2896 and the guide's samples).

/**
 * The longest an ID or access token lives: AccessTokenValidity and IdTokenValidity go up to 1 day (see
 * clientSettings.ts). As jose's `maxTokenAge`, it also makes a verifier refuse an `iat` in the future.
 */
export const MAX_TOKEN_AGE = '1 day';

const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

export interface Validity {
  access: number;
  id: number;
  refresh: number;
}

/**
 * Seconds each token lasts for this client. Access and ID tokens default to 1 hour (a value of 0 or none means the
 * default), counted in hours unless TokenValidityUnits says otherwise; refresh tokens default to 30 days
 * (UserPoolClientType, TokenValidityUnitsType reference).
 */
export function validityOf(client: UserPoolClientRecord): Validity {
  const units = client.TokenValidityUnits ?? {};
  const seconds = (value: number | undefined, unit: keyof typeof UNIT_SECONDS | undefined, fallback: number) =>
    value ? value * UNIT_SECONDS[unit ?? 'hours'] : fallback;
  return {
    access: seconds(client.AccessTokenValidity, units.AccessToken, 3600),
    id: seconds(client.IdTokenValidity, units.IdToken, 3600),
    refresh: client.RefreshTokenValidity
      ? client.RefreshTokenValidity * UNIT_SECONDS[units.RefreshToken ?? 'days']
      : 30 * 86400,
  };
}

/**
 * The user's groups, as `cognito:groups` lists them, with their role settings: by name. AWS documents no order
 * (code such as aws-serverless-auth-reference-app#7 only assumes the first is the highest-precedence one).
 */
export async function userGroups(store: Store, user: UserRecord): Promise<GroupRecord[]> {
  const { items } = await store
    .table(memberships)
    .findBy('byUser', [user.UserPoolId, user.UsernameKey], { limit: 10_000 });
  const found = await Promise.all(items.map((m) => store.table(groups).get([m.UserPoolId, m.GroupName])));
  return found.filter((g): g is GroupRecord => g !== undefined);
}

/**
 * `cognito:roles` and `cognito:preferred_role`: every role of the user's groups, and the role of the group with the
 * lowest Precedence. When groups tie for the lowest precedence, no preferred role is set; a group without
 * Precedence ranks last (developer guide, "Adding groups to a user pool", "Assigning precedence values to groups").
 */
export function roleClaims(userGroups: GroupRecord[]): Record<string, unknown> {
  const withRoles = userGroups.filter((g) => g.RoleArn);
  if (!withRoles.length) return {};
  const rank = (g: GroupRecord) => g.Precedence ?? Number.POSITIVE_INFINITY;
  const best = Math.min(...withRoles.map(rank));
  const top = withRoles.filter((g) => rank(g) === best);
  return {
    'cognito:roles': [...new Set(withRoles.map((g) => g.RoleArn!))],
    ...(top.length === 1 ? { 'cognito:preferred_role': top[0]!.RoleArn } : {}),
  };
}

/** Attributes that are never token claims: `sub` has its own claim, `dev:` attributes are for admins only. */
const NOT_CLAIMS = new Set(['sub']);

/**
 * The user's attributes as ID-token claims: the ones the client may read (ReadAttributes, all when unset),
 * `*_verified` as JSON booleans, `custom:*` as strings ("Amazon Cognito writes custom attribute values to the ID
 * token as strings regardless of attribute type"), `identities` as the JSON it holds.
 */
export function attributeClaims(user: UserRecord, client: UserPoolClientRecord): Record<string, unknown> {
  const readable = client.ReadAttributes?.length ? new Set(client.ReadAttributes) : undefined;
  const claims: Record<string, unknown> = {};
  for (const { Name: name, Value: value } of user.Attributes) {
    if (!name || value === undefined || NOT_CLAIMS.has(name) || name.startsWith('dev:')) continue;
    if (readable && !readable.has(name)) continue;
    if (name === 'email_verified' || name === 'phone_number_verified') claims[name] = value === 'true';
    else if (name === 'identities') claims[name] = parseJson(value);
    else claims[name] = value;
  }
  return claims;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

