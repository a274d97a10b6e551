import type { Store, TableSpec, Transaction } from '../../store/store.js';

// Revocation state. A session is one authentication (one `origin_jti`): its tokens, its refresh token and every
// token refreshed from it. RevokeToken marks the session revoked. GlobalSignOut bumps the user's sign-out
// generation; a session made under an older generation is revoked. A counter rather than a "not before" time, so a
// sign-in in the same millisecond as a sign-out is still told apart.

export interface SessionRecord {
  UserPoolId: string;
  OriginJti: string;
  Sub: string;
  ClientId: string;
  /** The user's sign-out generation when the session began. */
  Generation: number;
  Revoked: boolean;
  CreatedAt: number;
  /** Begun through the OAuth2 endpoints (IssueRequest.hosted): its refreshes are issued the same way. */
  Hosted?: boolean;
}

export const tokenSessions: TableSpec<SessionRecord> = { name: 'tokenSessions', key: (s) => [s.UserPoolId, s.OriginJti] };

export interface SignOutRecord {
  UserPoolId: string;
  Sub: string;
  Generation: number;
}

export const tokenSignOuts: TableSpec<SignOutRecord> = { name: 'tokenSignOuts', key: (s) => [s.UserPoolId, s.Sub] };

async function generation(store: Store, poolId: string, sub: string): Promise<number> {
  return (await store.table(tokenSignOuts).get([poolId, sub]))?.Generation ?? 0;
}

export async function beginSession(
  store: Store,
  session: Omit<SessionRecord, 'Generation' | 'Revoked'>,
): Promise<void> {
  // Its own lock: sign-in flows may call issue() while holding the pool's lock.
  await store.transact(`tokenSession\0${session.OriginJti}`, async (tx) => {
    const record = { ...session, Generation: await generation(store, session.UserPoolId, session.Sub), Revoked: false };
    await tx.put(store.table(tokenSessions), record);
  });
}

export type SessionState = 'active' | 'revoked' | 'unknown';

export async function sessionState(store: Store, poolId: string, originJti: string, sub: string): Promise<SessionState> {
  const session = await store.table(tokenSessions).get([poolId, originJti]);
  if (!session || session.Sub !== sub) return 'unknown';
  if (session.Revoked || session.Generation < (await generation(store, poolId, sub))) return 'revoked';
  return 'active';
}

/** Whether the session was begun through the OAuth2 endpoints, so that its refreshes look the same. */
export async function isHostedSession(store: Store, poolId: string, originJti: string): Promise<boolean> {
  return (await store.table(tokenSessions).get([poolId, originJti]))?.Hosted === true;
}

export async function revokeSession(store: Store, poolId: string, originJti: string): Promise<void> {
  await store.transact(`tokenSession\0${originJti}`, async (tx) => {
    const table = store.table(tokenSessions);
    const session = await tx.get(table, [poolId, originJti]);
    if (session && !session.Revoked) await tx.put(table, { ...session, Revoked: true });
  });
}

export async function signOutUser(tx: Transaction, store: Store, poolId: string, sub: string): Promise<void> {
  const table = store.table(tokenSignOuts);
  const current = await tx.get(table, [poolId, sub]);
  await tx.put(table, { UserPoolId: poolId, Sub: sub, Generation: (current?.Generation ?? 0) + 1 });
}
