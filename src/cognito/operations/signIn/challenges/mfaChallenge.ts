import { authSessions } from '../../../auth/sessions.js';
import { InvalidParameterException } from '../../../errors.js';
import type { UserPoolClientRecord } from '../../../model/client.js';
import type { UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { challenge, openChallenge } from './challengeSession.js';
import { userFactors, type MfaFactor, type MfaStep } from './mfaFactors.js';
import { requireParameter, type AuthResponse, type SignInDeps } from '../flow/outcome.js';
import type { SignInClient } from '../flow/signInClient.js';
import { codeMfaChallenge } from './smsMfa.js';

// Issuing the MFA challenge ./mfaFactors.ts chose, and the answer to SELECT_MFA_TYPE, which leads to another.

/**
 * SOFTWARE_TOKEN_MFA has no parameters; SELECT_MFA_TYPE and MFA_SETUP list the factors as a JSON array in a string,
 * `MFAS_CAN_CHOOSE` and `MFAS_CAN_SETUP` (developer guide, "Adding MFA to a user pool"; Amplify parses both with
 * JSON.parse).
 */
export function mfaChallenge(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  user: UserRecord,
  authTime: number,
  step: MfaStep,
): Promise<AuthResponse> {
  switch (step.challenge) {
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return codeMfaChallenge(deps, pool, client, user, step.challenge, authTime);
    case 'SOFTWARE_TOKEN_MFA':
      return challenge(deps, pool, client, user, step.challenge, authTime, {});
    case 'SELECT_MFA_TYPE':
      return challenge(deps, pool, client, user, step.challenge, authTime, { MFAS_CAN_CHOOSE: JSON.stringify(step.factors) });
    case 'MFA_SETUP':
      return challenge(deps, pool, client, user, step.challenge, authTime, { MFAS_CAN_SETUP: JSON.stringify(step.factors) });
  }
}

/**
 * ANSWER names one of the factors offered (amazon-cognito-identity-js sendMFASelectionAnswer sends SMS_MFA or
 * SOFTWARE_TOKEN_MFA); the session is spent and the chosen factor's challenge follows under a new one. The wording
 * for a factor not on offer is cogniform's.
 */
export async function answerSelectMfaType(
  deps: SignInDeps,
  target: SignInClient,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
): Promise<AuthResponse> {
  const { store } = deps;
  const { pool, client } = target;
  const answer = requireParameter(responses, 'ANSWER');
  const now = deps.clock.now();
  const { user, authTime } = await store.transact(pool.Id, async (tx) => {
    const { session, user } = await openChallenge(deps, tx, target, 'SELECT_MFA_TYPE', sessionId, responses, now);
    if (!userFactors(pool, user).includes(answer as MfaFactor)) {
      throw new InvalidParameterException(`Invalid value for ANSWER: ${answer} is not an MFA type the user can choose.`);
    }
    await tx.delete(store.table(authSessions), session);
    return { user, authTime: session.AuthTime };
  });
  return mfaChallenge(deps, pool, client, user, authTime, { challenge: answer as MfaFactor });
}
