import type { Store, Transaction } from '../../../store/store.js';
import { NotAuthorizedException } from '../../errors.js';
import { aliasesOf, users, type UserRecord } from '../../model/user.js';
import type { UserPoolRecord } from '../../model/userPool.js';
import { discardCode } from '../../codes/pendingCodes.js';
import { claimAliases } from '../users/attributes/aliases.js';
import { setAttributes } from '../users/attributes/attributes.js';

// What ConfirmSignUp and AdminConfirmSignUp share.

/**
 * Only UNCONFIRMED users can be confirmed. AWS's message names the status ("User cannot be confirmed. Current
 * status is CONFIRMED"; older answers said "User cannot confirm because user status is not UNCONFIRMED.",
 * keboola/developer-portal#191).
 */
export function requireUnconfirmed(user: UserRecord): UserRecord {
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.UserStatus}`);
  }
  return user;
}

export interface ConfirmOptions {
  /** The attribute the confirmation code went to: confirming the code proves it, so it becomes verified. */
  verified?: string | undefined;
  /** ConfirmSignUp's ForceAliasCreation: take the newly verified alias from the user who holds it. */
  force: boolean;
  now: Date;
}

/**
 * Stores `user` as CONFIRMED, with the verified attribute and the aliases that gives it, and no pending code;
 * answers the stored user (for PostConfirmation).
 */
export async function confirmUser(
  store: Store,
  tx: Transaction,
  pool: UserPoolRecord,
  user: UserRecord,
  { verified, force, now }: ConfirmOptions,
): Promise<UserRecord> {
  const Attributes = verified ? setAttributes(user.Attributes, [{ Name: `${verified}_verified`, Value: 'true' }]) : user.Attributes;
  const confirmed: UserRecord = {
    ...user,
    Attributes,
    Aliases: aliasesOf(pool, Attributes),
    UserStatus: 'CONFIRMED',
    UserLastModifiedDate: now.getTime(),
  };
  await claimAliases(store, tx, pool, confirmed, user.Aliases, { force, creating: false, now: now.getTime() });
  await tx.put(store.table(users), confirmed);
  await discardCode(store, tx, user, 'SIGN_UP');
  return confirmed;
}
