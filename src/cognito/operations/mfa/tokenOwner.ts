import { authSessions, createSession, readSession } from '../../auth/sessions.js';
import { Constraints } from '../../constraints.js';
import type { Deps } from '../../deps.js';
import { InvalidParameterException, NotAuthorizedException } from '../../errors.js';
import { requireClient, requirePool } from '../../lookup.js';
import { findUser, users, type UserRecord } from '../../model/user.js';
import { authorize, checkAccessToken, lockedUser } from '../profile/accessToken.js';
import { checkCanSignIn } from '../signIn/flow/signInUser.js';

// AssociateSoftwareToken and VerifySoftwareToken act for a signed-in user (AccessToken) or for a user in the
// middle of signing in (the Session of the MFA_SETUP challenge). With a Session, the session is spent and a new
// one, answering the same challenge, is handed back (API reference of both: "Session ... returned"), so that the
// sign-in goes on: Associate → Verify → RespondToAuthChallenge MFA_SETUP.

export type OwnerDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'tokens'>;

export interface Credentials {
  AccessToken?: string | undefined;
  Session?: string | undefined;
}

/** SessionType (API reference): 20 to 2048 characters. */
export function checkCredentials({ AccessToken, Session }: Credentials, c = new Constraints()): Constraints {
  if (AccessToken !== undefined) checkAccessToken(AccessToken, c);
  return c.length('session', Session, 20, 2048);
}

const invalidSession = () => new NotAuthorizedException('Invalid session for the user.');

/**
 * Stores what `change` makes of the user under the pool's lock; `change` may throw, and then nothing is written and
 * a session stays open for another try. Answers the new Session when called with one.
 */
export async function changeTokenOwner(
  deps: OwnerDeps,
  { AccessToken, Session }: Credentials,
  change: (user: UserRecord, now: Date, duringSignIn: boolean) => UserRecord,
): Promise<string | undefined> {
  const { store } = deps;
  const now = deps.clock.now();
  if (AccessToken) {
    const context = await authorize(deps.tokens, AccessToken);
    await store.transact(context.pool.Id, async (tx) => {
      await tx.put(store.table(users), change(await lockedUser(store, tx, context), now, false));
    });
    return undefined;
  }
  // Neither given: the wording is cogniform's (both members are optional in the model).
  if (!Session) throw new InvalidParameterException('Either AccessToken or Session must be provided.');
  const found = await store.table(authSessions).findOne('byId', [Session]);
  if (!found) throw invalidSession();
  const pool = await requirePool(store, found.UserPoolId);
  const client = await requireClient(store, found.UserPoolId, found.ClientId);
  return store.transact(pool.Id, async (tx) => {
    const session = await readSession(store, tx, client, Session, 'MFA_SETUP', now);
    const user = await findUser(store, pool, session.Username);
    if (!user) throw invalidSession();
    checkCanSignIn(user);
    await tx.put(store.table(users), change(user, now, true));
    await tx.delete(store.table(authSessions), session);
    const { Id: _id, ExpiresAt: _expires, ...next } = session;
    return createSession(store, tx, deps.ids, client, now, next);
  });
}
