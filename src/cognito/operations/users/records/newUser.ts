import type { AttributeType, UserStatusType } from '@aws-sdk/client-cognito-identity-provider';
import { createPasswordRecord } from '../../../auth/srp.js';
import { InvalidParameterException } from '../../../errors.js';
import { aliasesOf, usernameKey, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { EMAIL, PHONE, setAttributes } from '../attributes/attributes.js';

// A user as AdminCreateUser (and SignUp) make one: the stored username, its attributes and the password verifier.

const FORMATS: Record<string, RegExp> = { email: EMAIL, phone_number: PHONE };

/**
 * The Username a new user is stored under. In pools with UsernameAttributes the name given must be an email
 * address or phone number; it becomes that attribute, and the user's Username is its sub (moto's tests and the
 * AdminCreateUser reference). In pools with AliasAttributes a username may not look like an alias (message as
 * AWS answers for email; the phone variant is worded the same way).
 */
function storedUsername(
  pool: UserPoolRecord,
  username: string,
  sub: string,
): { username: string; attributes: AttributeType[] } {
  const byUsername = pool.UsernameAttributes ?? [];
  if (byUsername.length) {
    const attribute = byUsername.find((name) => FORMATS[name]?.test(username));
    if (attribute) return { username: sub, attributes: [{ Name: attribute, Value: username }] };
    const expected =
      byUsername.length > 1 ? 'either an email or a phone number' : byUsername[0] === 'email' ? 'an email' : 'a phone number';
    throw new InvalidParameterException(`Username should be ${expected}.`);
  }
  const alias = pool.AliasAttributes?.find((name) => FORMATS[name]?.test(username));
  if (alias) {
    const format = alias === 'email' ? 'email' : 'phone number';
    throw new InvalidParameterException(`Username cannot be of ${format} format, since user pool is configured for ${format} alias.`);
  }
  return { username, attributes: [] };
}

export interface NewUser {
  pool: UserPoolRecord;
  /** As the request named the user. */
  username: string;
  sub: string;
  /** Already checked against the schema. */
  attributes: AttributeType[];
  password: string;
  temporary: boolean;
  status: UserStatusType;
  now: Date;
}

/** The record, with `sub` first as AWS lists it. Computes the password verifier: call it before taking the lock. */
export async function newUserRecord(user: NewUser): Promise<UserRecord> {
  const { pool, username, sub, attributes, password, temporary, status, now } = user;
  const stored = storedUsername(pool, username, sub);
  const Attributes = setAttributes([{ Name: 'sub', Value: sub }], [...attributes, ...stored.attributes]);
  return {
    UserPoolId: pool.Id,
    Username: stored.username,
    UsernameKey: usernameKey(pool, stored.username),
    Attributes,
    Enabled: true,
    UserStatus: status,
    UserCreateDate: now.getTime(),
    UserLastModifiedDate: now.getTime(),
    // USER_ID_FOR_SRP is the stored Username (the sub in pools with UsernameAttributes).
    password: await createPasswordRecord(pool.Id, stored.username, password, { temporary, now }),
    Aliases: aliasesOf(pool, Attributes),
  };
}
