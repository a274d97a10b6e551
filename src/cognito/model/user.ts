import type { AttributeType, MFAOptionType, UserStatusType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, TableSpec } from '../../store/store.js';
import { UserNotFoundException } from '../errors.js';
import type { UserPoolRecord } from './userPool.js';

/**
 * The password is never stored: only a salted SRP verifier (v = g^x mod N, see ../auth/srp.ts) for SRP sign-in,
 * and H(x) for plain-password flows.
 */
export interface PasswordRecord {
  /** Hex, as SRP's SALT challenge parameter. */
  salt: string;
  /** Hex. */
  verifier: string;
  /** H(x), hex: what password flows check (see ../auth/srp.ts); absent on records made before it existed. */
  check?: string;
  /** The USER_ID_FOR_SRP the verifier was computed for; recompute if it ever changes. */
  userIdForSrp: string;
  /** A temporary password (AdminCreateUser) must be changed at first sign-in. */
  temporary: boolean;
  setAt: number;
}

/**
 * Base32 TOTP secrets: `verified` is the one sign-in checks; `pending` an associated one not yet verified, which
 * replaces it once verified.
 */
export interface SoftwareTokenRecord {
  verified?: string;
  pending?: string;
  friendlyDeviceName?: string;
  /** The TOTP time step of the last code accepted: a code is accepted once (see operations/mfa/totp.ts). */
  lastStep?: number;
}

export interface UserRecord {
  UserPoolId: string;
  /** The username as created; for pools with UsernameAttributes, the sub. */
  Username: string;
  /** The primary-key form of the username: lowercased when the pool is case-insensitive. */
  UsernameKey: string;
  /** Every attribute including `sub`, in the order AWS returns them. */
  Attributes: AttributeType[];
  Enabled: boolean;
  UserStatus: UserStatusType;
  UserCreateDate: number;
  UserLastModifiedDate: number;
  MFAOptions?: MFAOptionType[];
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
  /** The TOTP authenticator (AssociateSoftwareToken, VerifySoftwareToken); never shown by any operation. */
  softwareToken?: SoftwareTokenRecord;
  password?: PasswordRecord;
  /** Alias values this user can sign in with (normalised), kept unique per pool through the `byAlias` index. */
  Aliases: { Name: string; Value: string }[];
}

/** The attributes ListUsers can filter on (AWS API reference, ListUsers "Filter"). */
export const FILTERABLE_ATTRIBUTES = [
  'username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username',
  'cognito:user_status', 'status', 'sub',
] as const;

/** The user's sub: the id that never changes and is never reused. */
export function subOf(user: Pick<UserRecord, 'Attributes' | 'Username'>): string {
  return attributeValue(user, 'sub') ?? user.Username;
}

export function attributeValue(user: Pick<UserRecord, 'Attributes'>, name: string): string | undefined {
  return user.Attributes.find((a) => a.Name === name)?.Value;
}

/** The attributes as a name → value object (trigger events, ID token claims). */
export function attributeMap(user: Pick<UserRecord, 'Attributes'>): Record<string, string> {
  return Object.fromEntries(user.Attributes.map((a) => [a.Name!, a.Value ?? '']));
}

/** The value a filter matches for each filterable attribute. */
export function filterValues(user: UserRecord): [string, string][] {
  return FILTERABLE_ATTRIBUTES.flatMap((name): [string, string][] => {
    if (name === 'username') return [[name, user.Username]];
    if (name === 'cognito:user_status') return [[name, user.UserStatus]];
    if (name === 'status') return [[name, user.Enabled ? 'Enabled' : 'Disabled']];
    const value = attributeValue(user, name);
    return value === undefined ? [] : [[name, value]];
  });
}

export const users: TableSpec<UserRecord> = {
  name: 'users',
  key: (u) => [u.UserPoolId, u.UsernameKey],
  indexes: {
    bySub: (u) => [[u.UserPoolId, attributeValue(u, 'sub') ?? '']],
    byAttribute: (u) => filterValues(u).map(([name, value]) => [u.UserPoolId, name, value]),
    byAlias: (u) => u.Aliases.map((a) => [u.UserPoolId, a.Name, a.Value]),
  },
};

export function isCaseSensitive(pool: Pick<UserPoolRecord, 'UsernameConfiguration'>): boolean {
  // AWS API reference, UsernameConfigurationType: case sensitive "is the default value".
  return pool.UsernameConfiguration?.CaseSensitive ?? true;
}

export function usernameKey(pool: Pick<UserPoolRecord, 'UsernameConfiguration'>, username: string): string {
  return isCaseSensitive(pool) ? username : username.toLowerCase();
}

/**
 * A user from what admin operations accept as `Username`: the username, any alias attribute the pool signs in
 * with, or the sub (AWS API reference, AdminGetUser "Username").
 */
export async function findUser(store: Store, pool: UserPoolRecord, username: string): Promise<UserRecord | undefined> {
  const table = store.table(users);
  const byName = await table.get([pool.Id, usernameKey(pool, username)]);
  if (byName) return byName;
  for (const name of ['email', 'phone_number', 'preferred_username']) {
    const value = name === 'phone_number' ? username : usernameKey(pool, username);
    const byAlias = await table.findOne('byAlias', [pool.Id, name, value]);
    if (byAlias) return byAlias;
  }
  return table.findOne('bySub', [pool.Id, username]);
}

/** findUser, or AWS's UserNotFoundException. */
export async function requireUser(store: Store, pool: UserPoolRecord, username: string): Promise<UserRecord> {
  const user = await findUser(store, pool, username);
  if (!user) throw new UserNotFoundException('User does not exist.');
  return user;
}

/**
 * The values a user signs in with besides the username, normalised as findUser looks them up. In pools with
 * UsernameAttributes, every username attribute the user has (verified or not: it is what they signed up with). In
 * pools with AliasAttributes, email and phone_number only once verified, preferred_username whenever set (AWS
 * developer guide, "User pool attributes", sign-in aliases).
 */
export function aliasesOf(
  pool: Pick<UserPoolRecord, 'UsernameAttributes' | 'AliasAttributes' | 'UsernameConfiguration'>,
  attributes: AttributeType[],
): { Name: string; Value: string }[] {
  const value = (name: string) => attributes.find((a) => a.Name === name)?.Value;
  const byUsername = pool.UsernameAttributes?.length ? pool.UsernameAttributes : undefined;
  return (byUsername ?? pool.AliasAttributes ?? []).flatMap((name) => {
    const raw = value(name);
    if (!raw) return [];
    if (!byUsername && name !== 'preferred_username' && value(`${name}_verified`) !== 'true') return [];
    return [{ Name: name, Value: name === 'phone_number' ? raw : usernameKey(pool, raw) }];
  });
}

export function userToApi(user: UserRecord, attributesToGet?: string[]): UserType {
  const attributes = attributesToGet
    ? user.Attributes.filter((a) => attributesToGet.includes(a.Name!))
    : user.Attributes;
  return {
    Username: user.Username,
    Attributes: attributes,
    UserCreateDate: new Date(user.UserCreateDate),
    UserLastModifiedDate: new Date(user.UserLastModifiedDate),
    Enabled: user.Enabled,
    UserStatus: user.UserStatus,
    ...(user.MFAOptions ? { MFAOptions: user.MFAOptions } : {}),
  };
}
