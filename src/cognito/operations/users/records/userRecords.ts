import type { DeliveryMediumType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, Transaction } from '../../../../store/store.js';
import { deliver, type Delivery, type SendDeps } from '../../../codes/delivery.js';
import type { MessageContext } from '../../../triggers/customMessage.js';
import { requirePool } from '../../../lookup.js';
import { memberships } from '../../../model/group.js';
import { attributeValue, requireUser, users, type UserRecord } from '../../../model/user.js';
import { poolStats, type UserPoolRecord } from '../../../model/userPool.js';

// What several user operations do to stored users: change one under the pool's lock, keep the pool's user count,
// and "send" a temporary password.

/**
 * Looks the user up (username, alias or sub) under the pool's lock and stores what `change` makes of it, with its
 * index entries, in one batch.
 */
export async function updateUser(
  store: Store,
  userPoolId: string,
  username: string,
  change: (user: UserRecord, pool: UserPoolRecord, tx: Transaction) => UserRecord | Promise<UserRecord>,
): Promise<void> {
  await store.transact(userPoolId, async (tx) => {
    const pool = await requirePool(store, userPoolId);
    const user = await requireUser(store, pool, username);
    await tx.put(store.table(users), await change(user, pool, tx));
  });
}

/** Removes the user, its index entries and its group memberships, and counts it out of the pool, in `tx`. */
export async function removeUser(store: Store, tx: Transaction, user: UserRecord): Promise<void> {
  await tx.delete(store.table(users), user);
  const table = store.table(memberships);
  let after: string | undefined;
  do {
    const page = await table.findBy('byUser', [user.UserPoolId, user.UsernameKey], { limit: 100, after });
    for (const membership of page.items) await tx.delete(table, membership);
    after = page.next;
  } while (after);
  await countUsers(store, tx, user.UserPoolId, -1);
}

/** Keeps DescribeUserPool's EstimatedNumberOfUsers in step, in the same transaction as the user it counts. */
export async function countUsers(store: Store, tx: Transaction, userPoolId: string, delta: 1 | -1): Promise<void> {
  const table = store.table(poolStats);
  const stats = await tx.get(table, [userPoolId]);
  await tx.put(table, { UserPoolId: userPoolId, users: Math.max(0, (stats?.users ?? 0) + delta) });
}

/**
 * The invitation AdminCreateUser sends: to the email address and/or phone number the mediums ask for (SMS when
 * none is given, per the AdminCreateUser reference), through CustomMessage_AdminCreateUser or the custom senders.
 */
export async function sendTemporaryPassword(
  deps: Pick<SendDeps, 'inbox' | 'functions' | 'clock' | 'log'>,
  tx: Transaction,
  user: UserRecord,
  password: string,
  mediums: DeliveryMediumType[] | undefined,
  context: MessageContext,
): Promise<void> {
  const deliveries = [...new Set(mediums?.length ? mediums : ['SMS'])].flatMap((medium): Delivery[] => {
    const attribute = medium === 'EMAIL' ? 'email' : 'phone_number';
    const destination = attributeValue(user, attribute);
    return destination ? [{ attribute, destination }] : [];
  });
  await deliver(deps, tx, user, { code: password, kind: 'TEMPORARY_PASSWORD', deliveries, context });
}
