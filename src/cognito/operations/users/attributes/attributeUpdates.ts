import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, Transaction } from '../../../../store/store.js';
import { aliasesOf, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { claimAliases } from './aliases.js';
import { setAttributes, withVerificationReset } from './attributes.js';

/**
 * `user` with checked attribute changes applied, in the pool's transaction: a changed email or phone number becomes
 * unverified unless the changes say otherwise, and a new sign-in alias another user holds is AliasExistsException.
 * What AdminUpdateUserAttributes and UpdateUserAttributes share; the caller stores the result.
 */
export async function applyAttributeChanges(
  store: Store,
  tx: Transaction,
  pool: UserPoolRecord,
  user: UserRecord,
  checked: AttributeType[],
  now: number,
): Promise<UserRecord> {
  const Attributes = setAttributes(user.Attributes, withVerificationReset(user.Attributes, checked));
  const updated = { ...user, Attributes, Aliases: aliasesOf(pool, Attributes), UserLastModifiedDate: now };
  await claimAliases(store, tx, pool, updated, user.Aliases, { force: false, creating: false, now });
  return updated;
}
