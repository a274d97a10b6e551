import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Transaction } from '../../../store/store.js';
import { createPasswordRecord, type PasswordOptions } from '../../auth/srp.js';
import { recoveryDelivery, sendCode, type SendDeps } from '../../codes/delivery.js';
import { InvalidParameterException } from '../../errors.js';
import type { PasswordRecord, UserRecord } from '../../model/user.js';
import type { UserPoolRecord } from '../../model/userPool.js';

// What the password operations share: sending a reset code, and new password verifiers.

/**
 * Sends a FORGOT_PASSWORD code to the user's recovery contact. A user with no verified email or phone number (or a
 * pool whose recovery is admin_only) cannot get one: AWS's message is quoted verbatim in
 * amazon-archives/amazon-cognito-identity-js#678 and aws-amplify/aws-sdk-android#142.
 */
export async function sendResetCode(
  deps: SendDeps,
  tx: Transaction,
  pool: UserPoolRecord,
  user: UserRecord,
  now: Date,
  caller: { clientId?: string | undefined; clientMetadata?: Record<string, string> | undefined } = {},
): Promise<CodeDeliveryDetailsType> {
  const delivery = recoveryDelivery(pool, user);
  if (!delivery) {
    throw new InvalidParameterException(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  }
  const context = { pool, source: 'ForgotPassword' as const, ...caller };
  return sendCode(deps, tx, user, { purpose: 'FORGOT_PASSWORD', kind: 'FORGOT_PASSWORD', delivery, now, context });
}

/**
 * The verifier of `password` for a user, computed once per stored Username (USER_ID_FOR_SRP). Callers compute it
 * for the user found before the pool's lock and ask again under the lock: the same user costs nothing more, and
 * should the name now lead to another user, that user's verifier is computed then.
 */
export function passwordFor(
  pool: UserPoolRecord,
  password: string,
  options: PasswordOptions,
): (user: UserRecord) => Promise<PasswordRecord> {
  const records = new Map<string, Promise<PasswordRecord>>();
  return (user) => {
    let record = records.get(user.Username);
    if (!record) {
      record = createPasswordRecord(pool.Id, user.Username, password, options);
      records.set(user.Username, record);
    }
    return record;
  };
}
