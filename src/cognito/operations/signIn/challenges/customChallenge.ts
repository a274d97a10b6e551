import { createSession, takeSession, type AuthSession, type CustomAuthState } from '../../../auth/sessions.js';
import { parseSrpA } from '../../../auth/srpServer.js';
import { InvalidLambdaResponseException, InvalidParameterException, NotAuthorizedException, UserNotConfirmedException } from '../../../errors.js';
import { hidesUsers } from '../../../model/client.js';
import { findUser, type UserRecord } from '../../../model/user.js';
import {
  createAuthChallenge,
  defineAuthChallenge,
  verifyAuthChallengeResponse,
  type ChallengeResult,
  type ChallengeSubject,
} from '../../../triggers/authChallenge.js';
import { epochSeconds, requireParameter, signedIn, type AuthResponse, type SignInDeps } from '../flow/outcome.js';
import { checkSecretHash, type SignInClient } from '../flow/signInClient.js';
import { checkCanSignIn, findSignInUser, incorrectPassword, namesOf } from '../flow/signInUser.js';
import { srpChallenge } from './srpAuth.js';
import { preAuthentication } from '../../../triggers/authentication.js';

// CUSTOM_AUTH: the challenge loop the pool's DefineAuthChallenge function drives (developer guide, "Custom
// authentication challenge Lambda triggers"). Each step asks DefineAuthChallenge what comes next given the steps
// so far: tokens, failure, SRP's PASSWORD_VERIFIER (when the sign-in began with CHALLENGE_NAME=SRP_A), or a
// CUSTOM_CHALLENGE whose parameters CreateAuthChallenge makes and whose answer VerifyAuthChallengeResponse judges.

/** InitiateAuth / AdminInitiateAuth with AuthFlow CUSTOM_AUTH. */
export async function startCustomAuth(
  deps: SignInDeps,
  target: SignInClient,
  parameters: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const { pool, client } = target;
  // AWS's answer for a pool without the custom-challenge triggers (quoted in aws-amplify/amplify-js#6327).
  if (!pool.LambdaConfig?.DefineAuthChallenge) {
    throw new InvalidParameterException('Custom auth lambda trigger is not configured for the user pool.');
  }
  const username = requireParameter(parameters, 'USERNAME');
  checkSecretHash(client, parameters?.SECRET_HASH, [username]);
  const srpFirst = parameters?.CHALLENGE_NAME === 'SRP_A';
  const srpA = srpFirst ? requireParameter(parameters, 'SRP_A') : undefined;
  // The wording is cogniform's, as in USER_SRP_AUTH (./srpAuth.ts).
  if (srpA !== undefined && parseSrpA(srpA) === undefined) throw new InvalidParameterException('SRP_A is not a valid SRP public value.');
  const user = await findSignInUser(deps.store, pool, client, username);
  if (user) checkCanSignIn(user);
  // Before DefineAuthChallenge: PreAuthentication opens every sign-in that InitiateAuth starts.
  await preAuthentication(deps, target, user, username, clientMetadata);
  const state: CustomAuthState = {
    steps: srpFirst ? [{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }] : [],
    username,
    ...(srpA !== undefined ? { srpA } : {}),
  };
  return continueCustomAuth(deps, target, user, state, epochSeconds(deps.clock.now()));
}

/** RespondToAuthChallenge with CUSTOM_CHALLENGE: the answer judged, then the next step. */
export async function answerCustomChallenge(
  deps: SignInDeps,
  target: SignInClient,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthResponse> {
  const { pool, client } = target;
  const username = requireParameter(responses, 'USERNAME');
  const answer = requireParameter(responses, 'ANSWER');
  const now = deps.clock.now();
  const session = await deps.store.transact(pool.Id, (tx) =>
    takeSession(deps.store, tx, client, sessionId, 'CUSTOM_CHALLENGE', now),
  );
  const user = await sessionUser(deps, target, session, username);
  checkSecretHash(client, responses?.SECRET_HASH, [username, ...(user ? namesOf(user) : [])]);
  if (user) checkCanSignIn(user);
  const state = session.custom!;
  const subject = subjectOf(target, user, state, clientMetadata);
  const correct = await verifyAuthChallengeResponse(deps, subject, state.privateChallengeParameters ?? {}, answer);
  const step: ChallengeResult = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct, challengeMetadata: state.challengeMetadata ?? null };
  return continueCustomAuth(deps, target, user, { ...state, steps: [...state.steps, step] }, session.AuthTime, clientMetadata);
}

/** The user a custom session belongs to; USERNAME must name it (or, for an unknown user, repeat the name typed). */
async function sessionUser(
  deps: SignInDeps,
  { pool }: SignInClient,
  session: AuthSession,
  username: string,
): Promise<UserRecord | undefined> {
  const user = session.Username ? await findUser(deps.store, pool, username) : undefined;
  const matches = session.Username ? user?.Username === session.Username : username === session.custom?.username;
  // AWS's wording for a session that is not this user's (./challengeSession.ts).
  if (!session.custom || !matches) throw new NotAuthorizedException('Invalid session for the user.');
  return user;
}

function subjectOf(
  { pool, client }: SignInClient,
  user: UserRecord | undefined,
  state: CustomAuthState,
  clientMetadata?: Record<string, string>,
): ChallengeSubject {
  return { pool, clientId: client.ClientId, user, username: state.username, hidesUsers: hidesUsers(client), clientMetadata };
}

/**
 * Asks DefineAuthChallenge for the next step after `state.steps` and takes it. ClientMetadata reaches the challenge
 * triggers from RespondToAuthChallenge only (InitiateAuthRequest.ClientMetadata reference).
 */
export async function continueCustomAuth(
  deps: SignInDeps,
  target: SignInClient,
  user: UserRecord | undefined,
  state: CustomAuthState,
  authTime: number,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const { pool, client } = target;
  const subject = subjectOf(target, user, state, clientMetadata);
  const next = await defineAuthChallenge(deps, subject, state.steps);
  // Tokens for a name that matches nobody are never issued, whatever the function says.
  if ('failAuthentication' in next || ('issueTokens' in next && !user)) throw incorrectPassword();
  if ('issueTokens' in next) {
    if (user!.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
    // Custom authentication stands in for MFA: the tokens follow at once (recalled, not confirmed in AWS's docs).
    return signedIn(deps, pool, client, user!, authTime, { clientMetadata });
  }
  if (next.challengeName === 'PASSWORD_VERIFIER') {
    if (state.srpA === undefined) {
      throw new InvalidLambdaResponseException(
        'DefineAuthChallenge asked for PASSWORD_VERIFIER, but the sign-in did not begin with CHALLENGE_NAME SRP_A.',
      );
    }
    return srpChallenge(deps, target, user, state.username, state.srpA, state, authTime);
  }
  const created = await createAuthChallenge(deps, subject, state.steps);
  const now = deps.clock.now();
  const Session = await deps.store.transact(pool.Id, (tx) =>
    createSession(deps.store, tx, deps.ids, client, now, {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      Username: user?.Username ?? '',
      ChallengeName: 'CUSTOM_CHALLENGE',
      AuthTime: authTime,
      custom: { ...state, privateChallengeParameters: created.privateChallengeParameters, challengeMetadata: created.challengeMetadata },
    }),
  );
  return {
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session,
    ChallengeParameters: { ...created.publicChallengeParameters, USERNAME: user?.Username ?? state.username },
  };
}
