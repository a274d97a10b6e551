import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, TableSpec, Transaction } from '../../store/store.js';
import type { Ids } from '../deps.js';
import type { ChallengeResult } from '../triggers/authChallenge.js';
import { NotAuthorizedException } from '../errors.js';
import { CLIENT_DEFAULTS, type UserPoolClientRecord } from '../model/client.js';

// The `Session` of a sign-in in progress: an opaque random string handed out with a challenge and answered once,
// bound to its pool, app client, user and challenge, and valid for the client's AuthSessionValidity minutes
// (3 by default, CreateUserPoolClient reference).

export interface AuthSession {
  UserPoolId: string;
  Id: string;
  ClientId: string;
  /** The stored Username of the user signing in. */
  Username: string;
  ChallengeName: ChallengeNameType;
  /** Epoch milliseconds. */
  ExpiresAt: number;
  /** Epoch seconds of the sign-in this session belongs to (becomes the tokens' auth_time). */
  AuthTime: number;
  /** PASSWORD_VERIFIER: the server's SRP state. */
  srp?: { A: string; B: string; b: string; secretBlock: string };
  /** CUSTOM_AUTH: the steps so far and the challenge pending (also on its PASSWORD_VERIFIER step). */
  custom?: CustomAuthState;
}

/** Keyed under the pool, so DeleteUserPool purges them; `byExpiry` finds the pool's oldest first. */
export const authSessions: TableSpec<AuthSession> = {
  name: 'authSessions',
  key: (s) => [s.UserPoolId, s.Id],
  indexes: {
    byExpiry: (s) => [[s.UserPoolId, String(s.ExpiresAt).padStart(16, '0'), s.Id]],
    // AssociateSoftwareToken and VerifySoftwareToken name only the session, neither its pool nor its client.
    byId: (s) => [[s.Id]],
  },
};

/** Expired sessions each new one clears away, so that challenges never answered do not pile up. */
const SWEEP = 2;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// AWS's wording ("Invalid session for the user." is quoted in aws-amplify/amplify-js#10959; the expired variant in
// many Amplify threads).
const invalid = () => new NotAuthorizedException('Invalid session for the user.');
const expired = () => new NotAuthorizedException('Invalid session for the user, session is expired.');

/** What a custom sign-in carries from one step to the next, in its session. */
export interface CustomAuthState {
  steps: ChallengeResult[];
  /** The name typed, for a user who does not exist (the session then names no user). */
  username: string;
  /** The client's SRP_A when the sign-in began with SRP, for a PASSWORD_VERIFIER step. */
  srpA?: string;
  privateChallengeParameters?: Record<string, string>;
  challengeMetadata?: string | null;
}

export type NewSession = Omit<AuthSession, 'Id' | 'ExpiresAt'>;

/** Stores a new session in `tx` and returns its id (AWS's are long opaque strings; the model allows 20-2048). */
export async function createSession(
  store: Store,
  tx: Transaction,
  ids: Pick<Ids, 'random'>,
  client: UserPoolClientRecord,
  now: Date,
  session: NewSession,
): Promise<string> {
  const minutes = client.AuthSessionValidity ?? CLIENT_DEFAULTS.AuthSessionValidity;
  const table = store.table(authSessions);
  const { items: oldest } = await table.findBy('byExpiry', [client.UserPoolId], { limit: SWEEP });
  for (const old of oldest) if (old.ExpiresAt <= now.getTime()) await tx.delete(table, old);
  const Id = ids.random(ALPHABET, 128);
  await tx.put(table, { ...session, Id, ExpiresAt: now.getTime() + minutes * 60_000 });
  return Id;
}

/**
 * The session `id` for a response to `challengeName` through `client`. NotAuthorizedException when unknown, already
 * used, for another client or challenge, or expired.
 */
export async function readSession(
  store: Store,
  tx: Transaction,
  client: UserPoolClientRecord,
  id: string | undefined,
  challengeName: string,
  now: Date,
): Promise<AuthSession> {
  const session = id ? await tx.get(store.table(authSessions), [client.UserPoolId, id]) : undefined;
  if (!session || session.ClientId !== client.ClientId || session.ChallengeName !== challengeName) throw invalid();
  if (session.ExpiresAt <= now.getTime()) throw expired();
  return session;
}

/** readSession, and the session removed in `tx`, so it answers only once. */
export async function takeSession(
  store: Store,
  tx: Transaction,
  client: UserPoolClientRecord,
  id: string | undefined,
  challengeName: string,
  now: Date,
): Promise<AuthSession> {
  const session = await readSession(store, tx, client, id, challengeName, now);
  await tx.delete(store.table(authSessions), session);
  return session;
}
