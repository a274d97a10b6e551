import { checkNotLockedOut, recordFailure } from '../../../auth/lockout.js';
import { authSessions } from '../../../auth/sessions.js';
import { CodeMismatchException, SoftwareTokenMFANotFoundException } from '../../../errors.js';
import { users, type UserRecord } from '../../../model/user.js';
import { checkUnused, totpStep } from '../../mfa/totp.js';
import { openChallenge } from './challengeSession.js';
import { requireParameter, signedIn, type AuthResponse, type SignInDeps } from '../flow/outcome.js';
import type { SignInClient } from '../flow/signInClient.js';
import { settled } from '../flow/signInUser.js';

// The two challenges answered through the user's authenticator app: SOFTWARE_TOKEN_MFA (a code from it) and
// MFA_SETUP (finished once VerifySoftwareToken, called with the challenge's session, has verified a new one).

/** AWS's answer when the user has no verified authenticator (amazon-archives/amazon-cognito-identity-js#630). */
const noSoftwareToken = () => new SoftwareTokenMFANotFoundException('Software Token MFA does not exist for the user.');

export const verifiedSecret = (user: UserRecord): string => {
  if (!user.softwareToken?.verified) throw noSoftwareToken();
  return user.softwareToken.verified;
};

/**
 * SOFTWARE_TOKEN_MFA_CODE checked against the verified secret, each code accepted once. A wrong code leaves the
 * session open for another try, within the sign-in lockout; AWS's message for it is "Invalid code received for
 * user" (the message public apps and their error tables match for a wrong TOTP code at sign-in), not the SMS
 * challenge's. Right, the session is spent; the hosted UI (src/oauth2/hostedUi) finishes from here too.
 */
export async function checkSoftwareTokenMfa(
  deps: SignInDeps,
  target: SignInClient,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
): Promise<{ user: UserRecord; authTime: number }> {
  const { store } = deps;
  requireParameter(responses, 'USERNAME');
  const code = requireParameter(responses, 'SOFTWARE_TOKEN_MFA_CODE');
  const now = deps.clock.now();
  const outcome = await store.transact(target.pool.Id, async (tx) => {
    const { session, user } = await openChallenge(deps, tx, target, 'SOFTWARE_TOKEN_MFA', sessionId, responses, now);
    await checkNotLockedOut(store, user, 'SIGN_IN', now);
    const step = totpStep(verifiedSecret(user), code, now);
    if (step === undefined) return { user };
    checkUnused(user.softwareToken, step);
    await tx.put(store.table(users), { ...user, softwareToken: { ...user.softwareToken, lastStep: step } });
    await tx.delete(store.table(authSessions), session);
    return { user, authTime: session.AuthTime };
  });
  const { user, authTime } = outcome;
  // A wrong code counts towards the sign-in lockout (../../../auth/lockout.ts), once the transaction is over.
  if (authTime === undefined) {
    await recordFailure(store, user, 'SIGN_IN', now);
    throw new CodeMismatchException('Invalid code received for user');
  }
  return { user, authTime };
}

/** The answer: tokens once the code is right. */
export async function answerSoftwareTokenMfa(
  deps: SignInDeps,
  target: SignInClient,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const { user, authTime } = await checkSoftwareTokenMfa(deps, target, sessionId, responses);
  return settled(deps.store, user, await signedIn(deps, target.pool, target.client, user, authTime, { clientMetadata }));
}

/**
 * MFA_SETUP answered with the session VerifySoftwareToken returned (amazon-cognito-identity-js verifySoftwareToken
 * sends only USERNAME with it): tokens, once the user has a verified authenticator.
 */
export async function answerMfaSetup(
  deps: SignInDeps,
  target: SignInClient,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const { store } = deps;
  const now = deps.clock.now();
  const { user, authTime } = await store.transact(target.pool.Id, async (tx) => {
    const { session, user } = await openChallenge(deps, tx, target, 'MFA_SETUP', sessionId, responses, now);
    verifiedSecret(user);
    await tx.delete(store.table(authSessions), session);
    return { user, authTime: session.AuthTime };
  });
  return signedIn(deps, target.pool, target.client, user, authTime, { clientMetadata });
}
