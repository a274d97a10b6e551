import { authSessions, createSession, readSession } from '../../auth/sessions.js';
import { codeDeliveryDetails, sendCode, type Delivery } from '../../codes/delivery.js';
import { redeemCode } from '../../codes/pendingCodes.js';
import { CodeMismatchException, NotAuthorizedException } from '../../errors.js';
import type { UserPoolClientRecord } from '../../model/client.js';
import { attributeValue, findUser, type UserRecord } from '../../model/user.js';
import type { UserPoolRecord } from '../../model/userPool.js';
import { poolMfaConfig } from '../mfa/poolMfa.js';
import { requireParameter, signedIn, type AuthResponse, type SignInDeps } from './outcome.js';
import { checkSecretHash, type SignInClient } from './signInClient.js';
import { checkCanSignIn, namesOf } from './signInUser.js';

// SMS_MFA: after the password, a code by text message when the pool has MFA on (or optional) with SMS, and the
// user has chosen SMS (SetUserMFAPreference, or the legacy MFAOptions), or has a phone number in a pool where MFA
// is required (developer guide, "Adding MFA to a user pool"). Software-token MFA waits for the TOTP operations.

/** Where the user's MFA code goes, or undefined when the user signs in without SMS MFA. */
export function smsMfaDelivery(pool: UserPoolRecord, user: UserRecord): Delivery | undefined {
  const mode = pool.MfaConfiguration ?? 'OFF';
  const phone = attributeValue(user, 'phone_number');
  if (mode === 'OFF' || !phone || !poolMfaConfig(pool).SmsMfaConfiguration) return undefined;
  const chosen = user.UserMFASettingList?.includes('SMS_MFA') || user.MFAOptions?.some((o) => o.DeliveryMedium === 'SMS');
  const required = mode === 'ON' && !user.UserMFASettingList?.length;
  if (user.PreferredMfaSetting && user.PreferredMfaSetting !== 'SMS_MFA') return undefined;
  return chosen || required ? { attribute: 'phone_number', destination: phone } : undefined;
}

/** Sends the code and answers the challenge, with the delivery details amazon-cognito-identity-js shows. */
export async function smsMfaChallenge(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  user: UserRecord,
  delivery: Delivery,
  authTime: number,
): Promise<AuthResponse> {
  const now = deps.clock.now();
  const Session = await deps.store.transact(pool.Id, async (tx) => {
    await sendCode(deps, tx, user, { purpose: 'MFA', kind: 'MFA', delivery, now });
    return createSession(deps.store, tx, deps.ids, client, now, {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      Username: user.Username,
      ChallengeName: 'SMS_MFA',
      AuthTime: authTime,
    });
  });
  const details = codeDeliveryDetails(delivery);
  return {
    ChallengeName: 'SMS_MFA',
    Session,
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: details.DeliveryMedium!,
      CODE_DELIVERY_DESTINATION: details.Destination!,
    },
  };
}

/**
 * The answer. A wrong code counts against the code's attempts and leaves the session open for another try; AWS's
 * message for it is "Invalid code or auth state for the user." (quoted in many Amplify issues).
 */
export async function answerSmsMfa(
  deps: SignInDeps,
  { pool, client }: SignInClient,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
): Promise<AuthResponse> {
  const { store } = deps;
  const username = requireParameter(responses, 'USERNAME');
  const code = requireParameter(responses, 'SMS_MFA_CODE');
  const now = deps.clock.now();
  const outcome = await store.transact(pool.Id, async (tx) => {
    const session = await readSession(store, tx, client, sessionId, 'SMS_MFA', now);
    const user = await findUser(store, pool, username);
    if (!user || user.Username !== session.Username) throw new NotAuthorizedException('Invalid session for the user.');
    checkSecretHash(client, responses?.SECRET_HASH, [username, ...namesOf(user)]);
    checkCanSignIn(user);
    const redeemed = await redeemCode(store, tx, user, 'MFA', code, now);
    if (redeemed.ok) await tx.delete(store.table(authSessions), session);
    return { user, authTime: session.AuthTime, redeemed };
  });
  const { redeemed } = outcome;
  if (!redeemed.ok) {
    // Expired codes and too many attempts keep the codes' own errors.
    if (redeemed.error instanceof CodeMismatchException) throw new CodeMismatchException('Invalid code or auth state for the user.');
    throw redeemed.error;
  }
  return signedIn(deps, pool, client, outcome.user, outcome.authTime);
}
