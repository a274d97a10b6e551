import type { FastifyReply } from 'fastify';
import { clearFailures } from '../../cognito/auth/lockout.js';
import { verifyPassword } from '../../cognito/auth/srp.js';
import type { UserRecord } from '../../cognito/model/user.js';
import { mfaChallenge } from '../../cognito/operations/signIn/challenges/mfaChallenge.js';
import { challenge } from '../../cognito/operations/signIn/challenges/challengeSession.js';
import { mfaStep } from '../../cognito/operations/signIn/challenges/mfaFactors.js';
import { newPasswordParameters } from '../../cognito/operations/signIn/challenges/newPassword.js';
import { epochSeconds, type AuthResponse } from '../../cognito/operations/signIn/flow/outcome.js';
import type { SignInClient } from '../../cognito/operations/signIn/flow/signInClient.js';
import {
  checkAfterPassword,
  checkAttempt,
  checkCanSignIn,
  incorrectPassword,
  mustChangePassword,
  signInUser,
} from '../../cognito/operations/signIn/flow/signInUser.js';
import { userOrMigrated } from '../../cognito/operations/users/records/migratedUser.js';
import { postAuthentication, preAuthentication } from '../../cognito/triggers/authentication.js';
import { completeAuthorization, type OAuthDeps } from '../authorization.js';
import type { Answered } from './challengeAnswers.js';
import type { HostedPage } from './hostedRequest.js';

// A hosted-UI sign-in, step by step: the password as USER_PASSWORD_AUTH checks it (src/cognito/operations/signIn/
// flow/initiate.ts passwordAuth), then a new password or MFA under the API's own auth sessions (short-lived,
// single use, bound to the client; their id travels in a hidden field), and at the end completeAuthorization
// instead of the API's tokens. The hosted UI is not bound by the client's ExplicitAuthFlows, and proves the
// client's secret itself, so neither is checked here.

/** Where a sign-in stands: finished, or waiting for the answer to a challenge (of the user named). */
export type Step = { done: Answered } | { challenge: AuthResponse; user: UserRecord };

export async function passwordStep(deps: OAuthDeps, target: SignInClient, username: string, password: string): Promise<Step> {
  const { pool, client } = target;
  // A user the pool does not know may be migrated by the UserMigration trigger, as the password flows do.
  const call = { pool, clientId: client.ClientId, username, password, clientMetadata: undefined };
  const user = (await userOrMigrated(deps, call, 'UserMigration_Authentication')) ?? (await signInUser(deps.store, pool, client, username));
  checkCanSignIn(user);
  await preAuthentication(deps, target, user, username, undefined);
  const stored = user.password;
  const now = deps.clock.now();
  await checkAttempt(deps.store, user, now, async () => Boolean(stored && (await verifyPassword(stored, pool.Id, password))), incorrectPassword);
  checkAfterPassword(pool, user, now);
  const authTime = epochSeconds(now);
  if (mustChangePassword(user)) {
    const parameters = newPasswordParameters(pool, user);
    return { challenge: await challenge(deps, pool, client, user, 'NEW_PASSWORD_REQUIRED', authTime, parameters), user };
  }
  return mfaOrDone(deps, target, { user, authTime });
}

/** The user has proved who they are: an MFA challenge first when ../../cognito/.../mfaFactors.ts asks for one. */
export async function mfaOrDone(deps: OAuthDeps, { pool, client }: SignInClient, answered: Answered): Promise<Step> {
  const step = mfaStep(pool, answered.user);
  if (!step) return { done: answered };
  return { challenge: await mfaChallenge(deps, pool, client, answered.user, answered.authTime, step), user: answered.user };
}

/**
 * The end of a sign-in: PostAuthentication (its failure fails the sign-in), the user's failed attempts forgotten, as
 * a sign-in that ends in tokens does, and the code or tokens sent to the redirect_uri.
 */
export async function finishSignIn(deps: OAuthDeps, reply: FastifyReply, page: HostedPage, { user, authTime }: Answered): Promise<FastifyReply> {
  const { authorization } = page;
  await postAuthentication(deps, authorization, user, undefined);
  await clearFailures(deps.store, user, 'SIGN_IN');
  return completeAuthorization(deps, reply, authorization, user, authTime);
}
