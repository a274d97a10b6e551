import { checkNotLockedOut, recordFailure } from '../../../auth/lockout.js';
import { authSessions, createSession } from '../../../auth/sessions.js';
import { codeDeliveryDetails, sendCode, type Delivery } from '../../../codes/delivery.js';
import { redeemCode } from '../../../codes/pendingCodes.js';
import { CodeMismatchException } from '../../../errors.js';
import type { UserPoolClientRecord } from '../../../model/client.js';
import { attributeValue, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { openChallenge } from './challengeSession.js';
import { requireParameter, signedIn, type AuthResponse, type SignInDeps } from '../flow/outcome.js';
import type { SignInClient } from '../flow/signInClient.js';
import { settled } from '../flow/signInUser.js';

// SMS_MFA and EMAIL_OTP: after the password, a code by text message or by email (which of them, and when, is
// decided in ./mfaFactors.ts). Both are answered the same way, with the code in SMS_MFA_CODE or EMAIL_OTP_CODE
// (RespondToAuthChallenge reference, ChallengeResponses).

export type CodeFactor = 'SMS_MFA' | 'EMAIL_OTP';

export const CODE_PARAMETER: Record<CodeFactor, string> = { SMS_MFA: 'SMS_MFA_CODE', EMAIL_OTP: 'EMAIL_OTP_CODE' };

function deliveryFor(user: UserRecord, factor: CodeFactor): Delivery {
  const attribute = factor === 'SMS_MFA' ? 'phone_number' : 'email';
  return { attribute, destination: attributeValue(user, attribute) ?? '' };
}

/** Sends the code and answers the challenge, with the delivery details amazon-cognito-identity-js shows. */
export async function codeMfaChallenge(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  user: UserRecord,
  factor: CodeFactor,
  authTime: number,
): Promise<AuthResponse> {
  const now = deps.clock.now();
  const delivery = deliveryFor(user, factor);
  const Session = await deps.store.transact(pool.Id, async (tx) => {
    // CustomMessage_Authentication; InitiateAuth's ClientMetadata does not reach it (reference §6.1).
    const context = { pool, source: 'Authentication' as const, clientId: client.ClientId };
    await sendCode(deps, tx, user, { purpose: 'MFA', kind: 'MFA', delivery, now, context });
    return createSession(deps.store, tx, deps.ids, client, now, {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      Username: user.Username,
      ChallengeName: factor,
      AuthTime: authTime,
    });
  });
  const details = codeDeliveryDetails(delivery);
  return {
    ChallengeName: factor,
    Session,
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: details.DeliveryMedium!,
      CODE_DELIVERY_DESTINATION: details.Destination!,
    },
  };
}

/**
 * The answer checked: a wrong code counts against the code's attempts and the sign-in lockout, and leaves the
 * session open for another try; AWS's message for it is "Invalid code or auth state for the user." (quoted in many
 * Amplify issues). Right, the session is spent; the hosted UI (src/oauth2/hostedUi) finishes from here too.
 */
export async function checkCodeMfa(
  deps: SignInDeps,
  target: SignInClient,
  factor: CodeFactor,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
): Promise<{ user: UserRecord; authTime: number }> {
  const { store } = deps;
  const { pool } = target;
  requireParameter(responses, 'USERNAME');
  const code = requireParameter(responses, CODE_PARAMETER[factor]);
  const now = deps.clock.now();
  const outcome = await store.transact(pool.Id, async (tx) => {
    const { session, user } = await openChallenge(deps, tx, target, factor, sessionId, responses, now);
    await checkNotLockedOut(store, user, 'SIGN_IN', now);
    const redeemed = await redeemCode(store, tx, user, 'MFA', code, now);
    if (redeemed.ok) await tx.delete(store.table(authSessions), session);
    return { user, authTime: session.AuthTime, redeemed };
  });
  const { redeemed } = outcome;
  if (!redeemed.ok) {
    // Expired codes and too many attempts keep the codes' own errors.
    if (!(redeemed.error instanceof CodeMismatchException)) throw redeemed.error;
    // A wrong code counts towards the sign-in lockout too (../../../auth/lockout.ts).
    await recordFailure(store, outcome.user, 'SIGN_IN', now);
    throw new CodeMismatchException('Invalid code or auth state for the user.');
  }
  return { user: outcome.user, authTime: outcome.authTime };
}

/** The answer: tokens once the code is right. */
export async function answerCodeMfa(
  deps: SignInDeps,
  target: SignInClient,
  factor: CodeFactor,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const { user, authTime } = await checkCodeMfa(deps, target, factor, sessionId, responses);
  return settled(deps.store, user, await signedIn(deps, target.pool, target.client, user, authTime, { clientMetadata }));
}
