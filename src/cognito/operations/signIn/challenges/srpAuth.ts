import { createHmac, randomBytes } from 'node:crypto';
import { createSession, takeSession, type CustomAuthState } from '../../../auth/sessions.js';
import { parseSrpA, serverEphemeral, verifyPasswordClaim } from '../../../auth/srpServer.js';
import { InvalidParameterException } from '../../../errors.js';
import { findUser, type UserRecord } from '../../../model/user.js';
import { epochSeconds, passwordAccepted, requireParameter, type AuthResponse, type SignInDeps } from '../flow/outcome.js';
import type { SignInClient } from '../flow/signInClient.js';
import { checkSecretHash } from '../flow/signInClient.js';
import { checkAttempt, checkCanSignIn, findSignInUser, incorrectPassword, namesOf, settled } from '../flow/signInUser.js';
import { continueCustomAuth } from './customChallenge.js';
import { preAuthentication } from '../../../triggers/authentication.js';

// USER_SRP_AUTH: the PASSWORD_VERIFIER challenge and its answer, as amazon-cognito-identity-js speaks them
// (/work/shared/reference/cognito-api.md §3; the arithmetic is in ../../auth/srpServer.ts).

/** A key for this process, so a decoy's salt is stable per name (asking twice shows nothing) but unguessable. */
const DECOY_KEY = randomBytes(32);

/** A stand-in password record: a stable salt and a verifier no password matches. */
function decoy(userPoolId: string, username: string) {
  const salt = createHmac('sha256', DECOY_KEY).update(`${userPoolId}/${username}`).digest('hex').slice(0, 32);
  return { salt, verifier: randomBytes(384).toString('hex'), userIdForSrp: username };
}

/** InitiateAuth's half: B, the salt and a secret block, under a new session. */
export async function startSrp(
  deps: SignInDeps,
  target: SignInClient,
  parameters: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const username = requireParameter(parameters, 'USERNAME');
  const srpA = requireParameter(parameters, 'SRP_A');
  checkSecretHash(target.client, parameters?.SECRET_HASH, [username]);
  // The wording is cogniform's: AWS answers a bad SRP_A with InvalidParameterException
  // (amazon-archives/amazon-cognito-identity-js#356) but its message is not on record.
  if (parseSrpA(srpA) === undefined) throw new InvalidParameterException('SRP_A is not a valid SRP public value.');
  const user = await findSignInUser(deps.store, target.pool, target.client, username);
  if (user) checkCanSignIn(user);
  // InitiateAuth is where PreAuthentication runs in SRP too: it is the call whose ClientMetadata reaches it.
  await preAuthentication(deps, target, user, username, clientMetadata);
  return srpChallenge(deps, target, user, username, srpA);
}

/**
 * The PASSWORD_VERIFIER challenge for `user` (undefined: a name that matches nobody), also as a step of a custom
 * sign-in (`custom`, see ./customChallenge.ts).
 */
export async function srpChallenge(
  deps: SignInDeps,
  { pool, client }: SignInClient,
  user: UserRecord | undefined,
  username: string,
  srpA: string,
  custom?: CustomAuthState,
  authTime?: number,
): Promise<AuthResponse> {
  // A user who cannot sign in with a password (unknown, behind PreventUserExistenceErrors, or without one) gets a
  // challenge that looks like any other, and the answer fails as a wrong password does: AWS does the same so that
  // SRP does not reveal who exists.
  const password = user?.password ?? decoy(pool.Id, user?.Username ?? username);
  const { b, B } = await serverEphemeral(password.verifier);
  // An opaque blob the client signs and returns; AWS's is an encrypted blob, base64 either way.
  const secretBlock = randomBytes(64).toString('base64');
  const now = deps.clock.now();
  const Session = await deps.store.transact(pool.Id, (tx) =>
    createSession(deps.store, tx, deps.ids, client, now, {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      Username: user?.password ? user.Username : '',
      ChallengeName: 'PASSWORD_VERIFIER',
      AuthTime: authTime ?? epochSeconds(now),
      srp: { A: srpA, B, b, secretBlock },
      ...(custom ? { custom } : {}),
    }),
  );
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    Session,
    ChallengeParameters: {
      SALT: password.salt,
      SRP_B: B,
      SECRET_BLOCK: secretBlock,
      USER_ID_FOR_SRP: password.userIdForSrp,
      USERNAME: user?.Username ?? username,
    },
  };
}

/** RespondToAuthChallenge's half: the session is spent whatever the outcome, as AWS's is. */
export async function answerPasswordVerifier(
  deps: SignInDeps,
  { pool, client }: SignInClient,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const username = requireParameter(responses, 'USERNAME');
  const signature = requireParameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const secretBlock = requireParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = requireParameter(responses, 'TIMESTAMP');
  const now = deps.clock.now();
  const session = await deps.store.transact(pool.Id, (tx) =>
    takeSession(deps.store, tx, client, sessionId, 'PASSWORD_VERIFIER', now),
  );
  const user = await findUser(deps.store, pool, username);
  checkSecretHash(client, responses?.SECRET_HASH, [username, ...(user ? namesOf(user) : [])]);
  if (!user || user.Username !== session.Username || !user.password || !session.srp) throw incorrectPassword();
  checkCanSignIn(user);
  const { srp } = session;
  const stored = user.password;
  const verify = async () =>
    secretBlock === srp.secretBlock &&
    (await verifyPasswordClaim({
      userPoolId: pool.Id,
      userIdForSrp: stored.userIdForSrp,
      verifierHex: stored.verifier,
      A: srp.A,
      B: srp.B,
      b: srp.b,
      secretBlock,
      timestamp,
      signature,
    }));
  // In a custom sign-in the result is a step DefineAuthChallenge judges, right or wrong.
  if (session.custom) {
    const step = { challengeName: 'PASSWORD_VERIFIER' as const, challengeResult: await verify(), challengeMetadata: null };
    const state = { ...session.custom, steps: [...session.custom.steps, step] };
    return continueCustomAuth(deps, { pool, client }, user, state, session.AuthTime, clientMetadata);
  }
  await checkAttempt(deps.store, user, now, verify, incorrectPassword);
  return settled(deps.store, user, await passwordAccepted(deps, pool, client, user, { clientMetadata }));
}
