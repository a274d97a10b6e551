import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { createSession } from '../../../auth/sessions.js';
import type { Deps } from '../../../deps.js';
import { InvalidParameterException } from '../../../errors.js';
import type { UserPoolClientRecord } from '../../../model/client.js';
import type { UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { mfaChallenge } from '../challenges/mfaChallenge.js';
import { mfaStep } from '../challenges/mfaFactors.js';
import { newPasswordParameters } from '../challenges/newPassword.js';
import { checkAfterPassword, mustChangePassword } from './signInUser.js';
import { postAuthentication } from '../../../triggers/authentication.js';
import { preTokenGeneration, type TokenSource } from '../../../triggers/preTokenGeneration.js';

// How a sign-in step ends: tokens, or the next challenge with a fresh session. InitiateAuth, AdminInitiateAuth and
// both RespondToAuthChallenge operations answer the same four members.

export type SignInDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'tokens' | 'inbox' | 'fixedCode' | 'functions' | 'log'>;
export type AuthResponse = Pick<InitiateAuthResponse, 'ChallengeName' | 'Session' | 'ChallengeParameters' | 'AuthenticationResult'>;

/** API sign-ins get this scope only (developer guide, "Understanding the access token"). */
const API_SCOPES = ['aws.cognito.signin.user.admin'];

export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** AWS's wording for a required parameter left out of AuthParameters or ChallengeResponses. */
export function requireParameter(parameters: Record<string, string> | undefined, name: string): string {
  const value = parameters?.[name];
  if (!value) throw new InvalidParameterException(`Missing required parameter ${name}`);
  return value;
}

/** How the sign-in that ends in tokens went, for the triggers that hear of it. */
export interface SignInEnd {
  /** PreTokenGeneration's triggerSource; TokenGeneration_Authentication unless said otherwise. */
  source?: TokenSource;
  /** RespondToAuthChallenge's ClientMetadata: it reaches PostAuthentication and PreTokenGeneration (§6.1). */
  clientMetadata?: Record<string, string> | undefined;
}

/**
 * Tokens for a finished sign-in; AWS answers an empty ChallengeParameters beside them. PostAuthentication, then
 * PreTokenGeneration, run first (the order cognito-local follows; AWS documents none), so a function that fails
 * leaves no session behind.
 */
export async function signedIn(
  deps: Pick<SignInDeps, 'tokens' | 'functions' | 'clock' | 'store'>,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  user: UserRecord,
  authTime: number,
  end: SignInEnd = {},
): Promise<AuthResponse> {
  await postAuthentication(deps, { pool, client }, user, end.clientMetadata);
  const source = end.source ?? 'TokenGeneration_Authentication';
  const overrides = await preTokenGeneration(deps, { pool, client, user, source, scopes: API_SCOPES, clientMetadata: end.clientMetadata });
  const AuthenticationResult = await deps.tokens.issue({
    pool, client, user, authTime, scopes: API_SCOPES, refreshToken: true, ...(overrides ? { overrides } : {}),
  });
  return { ChallengeParameters: {}, AuthenticationResult };
}

/** The user has proved who they are: tokens, or an MFA challenge first (./mfaFactors.ts says which). */
export async function authenticated(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  user: UserRecord,
  authTime: number,
  end?: SignInEnd,
): Promise<AuthResponse> {
  const step = mfaStep(pool, user);
  if (step) return mfaChallenge(deps, pool, client, user, authTime, step);
  return signedIn(deps, pool, client, user, authTime, end);
}

/** The password was right: NEW_PASSWORD_REQUIRED for a user who still has a temporary one, else authenticated. */
export async function passwordAccepted(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  user: UserRecord,
  end?: SignInEnd,
): Promise<AuthResponse> {
  const now = deps.clock.now();
  checkAfterPassword(pool, user, now);
  if (!mustChangePassword(user)) return authenticated(deps, pool, client, user, epochSeconds(now), end);
  const Session = await deps.store.transact(pool.Id, (tx) =>
    createSession(deps.store, tx, deps.ids, client, now, {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      Username: user.Username,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      AuthTime: epochSeconds(now),
    }),
  );
  return { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session, ChallengeParameters: newPasswordParameters(pool, user) };
}
