import type { Server } from './server.js';

/**
 * What both systems are asked to do, byte for byte the same requests: username pools (no UsernameAttributes),
 * users with an email attribute, AdminCreateUser with a given TemporaryPassword and MessageAction SUPPRESS so
 * neither generates a password nor sends a message.
 */
export const TEMPORARY_PASSWORD = 'Bench-Temp-Passw0rd!';

/** The name of the i-th preloaded user of every pool. */
export const existingUser = (i: number) => `user-${String(i).padStart(6, '0')}`;

export const emailOf = (username: string) => `${username}@example.com`;

export function createUserBody(userPoolId: string, username: string): object {
  return {
    UserPoolId: userPoolId,
    Username: username,
    TemporaryPassword: TEMPORARY_PASSWORD,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: emailOf(username) }],
  };
}

export function getUserBody(userPoolId: string, username: string): object {
  return { UserPoolId: userPoolId, Username: username };
}

export const createPoolBody = (name: string) => ({ PoolName: name });

/** The permanent password of every preloaded user of a sign-in run (the pool's default policy accepts it). */
export const PASSWORD = 'Bench-Sign-In-Passw0rd!';

/** A public app client (no secret) that takes both sign-in flows the benchmark measures. */
export const createClientBody = (userPoolId: string) => ({
  UserPoolId: userPoolId,
  ClientName: 'bench',
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
});

/** AdminSetUserPassword Permanent: the user becomes CONFIRMED with `PASSWORD`. */
export const setPasswordBody = (userPoolId: string, username: string) => ({
  UserPoolId: userPoolId,
  Username: username,
  Password: PASSWORD,
  Permanent: true,
});

export const passwordSignInBody = (clientId: string, username: string) => ({
  ClientId: clientId,
  AuthFlow: 'USER_PASSWORD_AUTH',
  AuthParameters: { USERNAME: username, PASSWORD },
});

export interface PrepareOptions {
  /** For sign-ins: every pool gets an app client (createClientBody), every user is CONFIRMED with `PASSWORD`. */
  signIn?: boolean;
}

/** A running system whose pool p holds `poolSizes[p]` users named `existingUser(0..poolSizes[p]-1)`. */
export interface Prepared {
  server: Server;
  poolIds: string[];
  /** Pool p's app client, when prepared for sign-ins. */
  clientIds: string[];
  /** How the users were put there, for the report. */
  preload: string;
}

export interface System {
  name: string;
  /** Starts a fresh instance (its own empty data dir under `workDir`) with one pool per entry of `poolSizes`. */
  prepare(workDir: string, poolSizes: number[], log: (line: string) => void, options?: PrepareOptions): Promise<Prepared>;
}
