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

/** A running system whose pool p holds `poolSizes[p]` users named `existingUser(0..poolSizes[p]-1)`. */
export interface Prepared {
  server: Server;
  poolIds: string[];
  /** How the users were put there, for the report. */
  preload: string;
}

export interface System {
  name: string;
  /** Starts a fresh instance (its own empty data dir under `workDir`) with one pool per entry of `poolSizes`. */
  prepare(workDir: string, poolSizes: number[], log: (line: string) => void): Promise<Prepared>;
}
