import type { DeliveryMediumType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { createPasswordRecord } from '../../../auth/srp.js';
import type { Deps } from '../../../deps.js';
import { UnsupportedUserStateException } from '../../../errors.js';
import { requirePool } from '../../../lookup.js';
import { requireUser, userToApi, users, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { sendTemporaryPassword } from './userRecords.js';

/**
 * AdminCreateUser with MessageAction RESEND: a user who has not yet signed in gets a new temporary password and a
 * new invitation; the request's attributes are ignored (AdminCreateUser reference, MessageAction). An unknown user
 * is UserNotFoundException; a user past FORCE_CHANGE_PASSWORD is UnsupportedUserStateException (floci-io/floci#755
 * matched AWS; the message is worded as two independent emulators quote it).
 */
export async function resendInvitation(
  deps: Pick<Deps, 'store' | 'clock' | 'inbox' | 'functions' | 'log'>,
  pool: UserPoolRecord,
  username: string,
  password: string,
  mediums: DeliveryMediumType[] | undefined,
  clientMetadata: Record<string, string> | undefined,
): Promise<UserType> {
  const { store, clock } = deps;
  const resendable = (user: UserRecord) => {
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      throw new UnsupportedUserStateException(`Resend not possible. ${username} status is not FORCE_CHANGE_PASSWORD`);
    }
    return user;
  };
  // The verifier depends on the stored Username, so it is computed before the lock for the user as found then.
  // Under the lock the user is looked up again; should the name now lead to another user, it is computed again.
  const now = clock.now();
  const record = (user: UserRecord) => createPasswordRecord(pool.Id, user.Username, password, { temporary: true, now });
  const found = resendable(await requireUser(store, pool, username));
  const early = await record(found);
  return store.transact(pool.Id, async (tx) => {
    await requirePool(store, pool.Id);
    const user = resendable(await requireUser(store, pool, username));
    const updated: UserRecord = {
      ...user,
      password: user.Username === found.Username ? early : await record(user),
      UserLastModifiedDate: now.getTime(),
    };
    await tx.put(store.table(users), updated);
    await sendTemporaryPassword(deps, tx, updated, password, mediums, { pool, source: 'AdminCreateUser', clientMetadata });
    return userToApi(updated);
  });
}
