import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import type { Transaction } from '../../../../store/store.js';
import { createSession, readSession, type AuthSession } from '../../../auth/sessions.js';
import { NotAuthorizedException } from '../../../errors.js';
import type { UserPoolClientRecord } from '../../../model/client.js';
import { findUser, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { requireParameter, type AuthResponse, type SignInDeps } from '../flow/outcome.js';
import { checkSecretHash, type SignInClient } from '../flow/signInClient.js';
import { checkCanSignIn, namesOf } from '../flow/signInUser.js';

// What every answer to an MFA challenge checks first, and how a challenge that needs nothing sent is issued.

export interface OpenChallenge {
  session: AuthSession;
  user: UserRecord;
}

/**
 * The pending session for `challengeName` and its user, read in `tx` (the caller spends the session once the answer
 * is right): USERNAME must name the session's user, SECRET_HASH must match, and the user must still be allowed in.
 */
export async function openChallenge(
  { store }: Pick<SignInDeps, 'store'>,
  tx: Transaction,
  { pool, client }: SignInClient,
  challengeName: ChallengeNameType,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
  now: Date,
): Promise<OpenChallenge> {
  const username = requireParameter(responses, 'USERNAME');
  const session = await readSession(store, tx, client, sessionId, challengeName, now);
  const user = await findUser(store, pool, username);
  if (!user || user.Username !== session.Username) throw new NotAuthorizedException('Invalid session for the user.');
  checkSecretHash(client, responses?.SECRET_HASH, [username, ...namesOf(user)]);
  checkCanSignIn(user);
  return { session, user };
}

/** A challenge under a new session, with the parameters the client reads. */
export async function challenge(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  user: UserRecord,
  ChallengeName: ChallengeNameType,
  authTime: number,
  ChallengeParameters: Record<string, string>,
): Promise<AuthResponse> {
  const now = deps.clock.now();
  const Session = await deps.store.transact(pool.Id, (tx) =>
    createSession(deps.store, tx, deps.ids, client, now, {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      Username: user.Username,
      ChallengeName,
      AuthTime: authTime,
    }),
  );
  return { ChallengeName, Session, ChallengeParameters };
}
