import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Transaction } from '../../../store/store.js';
import { sendCode, type ContactAttribute } from '../../codes/delivery.js';
import type { CodePurpose } from '../../codes/pendingCodes.js';
import type { Deps } from '../../deps.js';
import type { UserRecord } from '../../model/user.js';

// Verification codes for a user's email address or phone number (GetUserAttributeVerificationCode,
// UpdateUserAttributes, VerifyUserAttribute).

export const VERIFIABLE: readonly string[] = ['email', 'phone_number'];

export const isVerifiable = (name: string): name is ContactAttribute => VERIFIABLE.includes(name);

export const verificationPurpose = (attribute: string): CodePurpose => `VERIFY_ATTRIBUTE:${attribute}`;

/** Sends a VERIFY_ATTRIBUTE code to `destination`, replacing any earlier code for the attribute. */
export function sendVerificationCode(
  deps: Pick<Deps, 'store' | 'inbox' | 'ids' | 'fixedCode'>,
  tx: Transaction,
  user: UserRecord,
  attribute: ContactAttribute,
  destination: string,
  now: Date,
): Promise<CodeDeliveryDetailsType> {
  return sendCode(deps, tx, user, {
    purpose: verificationPurpose(attribute),
    kind: 'VERIFY_ATTRIBUTE',
    delivery: { attribute, destination },
    now,
  });
}
