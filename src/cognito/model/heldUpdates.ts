import type { Store, TableSpec, Transaction } from '../../store/store.js';
import { subOf, type UserRecord } from './user.js';

// New email addresses and phone numbers waiting for their verification code, in pools whose
// UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate names them: "Amazon Cognito doesn't change
// the value of the attribute until your user responds to the verification message and confirms the new value"
// (UserAttributeUpdateSettingsType reference). Until then the user keeps the old value, verified.

export interface HeldUpdate {
  UserPoolId: string;
  /** The user's sub, which never changes and is never reused. */
  sub: string;
  attribute: string;
  value: string;
}

/** Keyed under the pool, so DeleteUserPool purges it (model/tables.ts). */
export const heldUpdates: TableSpec<HeldUpdate> = {
  name: 'heldAttributeUpdates',
  key: (h) => [h.UserPoolId, h.sub, h.attribute],
};

const keyOf = (user: UserRecord, attribute: string) => [user.UserPoolId, subOf(user), attribute];

export async function holdUpdate(store: Store, tx: Transaction, user: UserRecord, attribute: string, value: string): Promise<void> {
  await tx.put(store.table(heldUpdates), { UserPoolId: user.UserPoolId, sub: subOf(user), attribute, value });
}

export async function heldValue(store: Store, tx: Transaction, user: UserRecord, attribute: string): Promise<string | undefined> {
  return (await tx.get(store.table(heldUpdates), keyOf(user, attribute)))?.value;
}

/** Forgets the value waiting for `attribute` (verified, replaced directly, or removed). */
export async function dropHeldUpdate(store: Store, tx: Transaction, user: UserRecord, attribute: string): Promise<void> {
  const table = store.table(heldUpdates);
  const held = await tx.get(table, keyOf(user, attribute));
  if (held) await tx.delete(table, held);
}
