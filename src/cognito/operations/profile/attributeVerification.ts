import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Transaction } from '../../../store/store.js';
import { sendCode, type ContactAttribute, type SendDeps } from '../../codes/delivery.js';
import type { CodePurpose } from '../../codes/pendingCodes.js';
import type { UserRecord } from '../../model/user.js';
import type { MessageContext } from '../../triggers/customMessage.js';

// Verification codes for a user's email address or phone number (GetUserAttributeVerificationCode,
// UpdateUserAttributes, VerifyUserAttribute).

export const VERIFIABLE: readonly string[] = ['email', 'phone_number'];

export const isVerifiable = (name: string): name is ContactAttribute => VERIFIABLE.includes(name);

export const verificationPurpose = (attribute: string): CodePurpose => `VERIFY_ATTRIBUTE:${attribute}`;

/**
 * Sends a VERIFY_ATTRIBUTE code to `destination`, replacing any earlier code for the attribute. `context` names the
 * message's trigger source: CustomMessage_VerifyUserAttribute when the user asked for the code,
 * CustomMessage_UpdateUserAttribute when a changed value needs one (developer guide, custom message sources).
 */
export function sendVerificationCode(
  deps: SendDeps,
  tx: Transaction,
  user: UserRecord,
  attribute: ContactAttribute,
  destination: string,
  now: Date,
  context?: MessageContext,
): Promise<CodeDeliveryDetailsType> {
  return sendCode(deps, tx, user, {
    purpose: verificationPurpose(attribute),
    kind: 'VERIFY_ATTRIBUTE',
    delivery: { attribute, destination },
    now,
    context,
  });
}
