import type { FastifyReply, FastifyRequest } from 'fastify';
import { users, type UserRecord } from '../../cognito/model/user.js';
import type { UserPoolRecord } from '../../cognito/model/userPool.js';
import type { TableSpec } from '../../store/store.js';
import type { OAuthDeps } from '../authorization.js';
import { cookieValues } from './form.js';

// The hosted UI's sign-in session: a second authorize within the hour skips the form ("Managed login sets browser
// cookies that are valid for one hour", access-token page). The cookie holds a random id only; what it stands for
// (pool, user, when they authenticated) stays in the store, so logout can end it for good.

const SESSION_COOKIE = 'cogniform-session';
const SESSION_SECONDS = 3600;

export interface HostedSessionRecord {
  Id: string;
  UserPoolId: string;
  Sub: string;
  /** Epoch seconds of the sign-in: the tokens' `auth_time`. */
  AuthTime: number;
  /** Epoch milliseconds. */
  ExpiresAt: number;
}

export const hostedSessions: TableSpec<HostedSessionRecord> = { name: 'hostedSessions', key: (s) => [s.Id] };

const cookie = (value: string, maxAge: number) =>
  `${SESSION_COOKIE}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax`;

/** The signed-in user of this pool the request's cookie names, still enabled, within the hour. */
export async function currentSession(
  deps: Pick<OAuthDeps, 'store' | 'clock'>,
  request: FastifyRequest,
  pool: UserPoolRecord,
): Promise<{ user: UserRecord; authTime: number } | undefined> {
  const id = cookieValues(request, SESSION_COOKIE)[0];
  const session = id ? await deps.store.table(hostedSessions).get([id]) : undefined;
  if (!session || session.UserPoolId !== pool.Id || session.ExpiresAt <= deps.clock.now().getTime()) return undefined;
  const user = await deps.store.table(users).findOne('bySub', [pool.Id, session.Sub]);
  return user?.Enabled ? { user, authTime: session.AuthTime } : undefined;
}

/** A new session for the user, replacing the one the request's cookie named. */
export async function startSession(
  deps: Pick<OAuthDeps, 'store' | 'clock' | 'ids'>,
  reply: FastifyReply,
  pool: UserPoolRecord,
  sub: string,
  authTime: number,
): Promise<void> {
  const table = deps.store.table(hostedSessions);
  const previous = cookieValues(reply.request, SESSION_COOKIE)[0];
  const session: HostedSessionRecord = {
    Id: deps.ids.uuid(),
    UserPoolId: pool.Id,
    Sub: sub,
    AuthTime: authTime,
    ExpiresAt: deps.clock.now().getTime() + SESSION_SECONDS * 1000,
  };
  await deps.store.transact(`hostedSession\0${session.Id}`, async (tx) => {
    const old = previous ? await tx.get(table, [previous]) : undefined;
    if (old) await tx.delete(table, old);
    await tx.put(table, session);
  });
  reply.header('set-cookie', cookie(session.Id, SESSION_SECONDS));
}

/** Logout: the session forgotten and its cookie cleared. */
export async function endSession(deps: Pick<OAuthDeps, 'store'>, reply: FastifyReply): Promise<void> {
  const id = cookieValues(reply.request, SESSION_COOKIE)[0];
  if (id) {
    const table = deps.store.table(hostedSessions);
    await deps.store.transact(`hostedSession\0${id}`, async (tx) => {
      const session = await tx.get(table, [id]);
      if (session) await tx.delete(table, session);
    });
  }
  reply.header('set-cookie', cookie('', 0));
}
