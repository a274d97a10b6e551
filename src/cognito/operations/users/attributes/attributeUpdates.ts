import type { AttributeType, CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, Transaction } from '../../../../store/store.js';
import type { ContactAttribute, SendDeps } from '../../../codes/delivery.js';
import { dropHeldUpdate, holdUpdate } from '../../../model/heldUpdates.js';
import { aliasesOf, attributeValue, users, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { isVerifiable, sendVerificationCode } from '../../profile/attributeVerification.js';
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

/**
 * Stores `user` with checked attribute changes, in the pool's transaction, and answers the codes sent
 * (UpdateUserAttributes and AdminUpdateUserAttributes). A new email or phone number:
 * - when the pool's AttributesRequireVerificationBeforeUpdate names it, waits for its code (model/heldUpdates.ts)
 *   while the old value stays, verified (UserAttributeUpdateSettingsType reference), unless the same changes set its
 *   `*_verified` to true, which only an administrator may: then it applies at once and no code is sent
 *   (AdminUpdateUserAttributes reference, UserAttributes: "To update the value of an attribute that requires
 *   verification in the same API request, include the email_verified or phone_number_verified attribute, with a
 *   value of true ... Amazon Cognito doesn't send a verification message to your user");
 * - otherwise replaces the old one, unverified unless said verified, and a code is sent to it when the pool verifies
 *   that attribute automatically (developer guide, "Verifying updates to email addresses and phone numbers").
 */
export async function updateAttributes(
  deps: SendDeps,
  tx: Transaction,
  pool: UserPoolRecord,
  user: UserRecord,
  checked: AttributeType[],
  now: Date,
  caller: { clientId?: string | undefined; clientMetadata?: Record<string, string> | undefined } = {},
): Promise<CodeDeliveryDetailsType[]> {
  const { store } = deps;
  const mustVerifyFirst = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  const autoVerified = pool.AutoVerifiedAttributes ?? [];
  const saidVerified = (name: string) => checked.some((a) => a.Name === `${name}_verified` && a.Value?.toLowerCase() === 'true');
  const contacts = checked.filter(
    (a): a is { Name: ContactAttribute; Value: string } => isVerifiable(a.Name!) && a.Value !== attributeValue(user, a.Name!),
  );
  const held = contacts.filter((a) => mustVerifyFirst.includes(a.Name) && !saidVerified(a.Name));
  const applied = checked.filter((a) => !held.some((h) => h === a));
  const updated = await applyAttributeChanges(store, tx, pool, user, applied, now.getTime());
  await tx.put(store.table(users), updated);
  const sent: CodeDeliveryDetailsType[] = [];
  for (const change of contacts) {
    const isHeld = held.includes(change);
    // A value set directly replaces one still waiting for its code.
    if (isHeld) await holdUpdate(store, tx, updated, change.Name, change.Value);
    else await dropHeldUpdate(store, tx, updated, change.Name);
    if (isHeld || (autoVerified.includes(change.Name) && !saidVerified(change.Name))) {
      const context = { pool, source: 'UpdateUserAttribute' as const, ...caller };
      sent.push(await sendVerificationCode(deps, tx, updated, change.Name, change.Value, now, context));
    }
  }
  return sent;
}
