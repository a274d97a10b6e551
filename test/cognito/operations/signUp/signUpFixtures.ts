import { createHmac } from 'node:crypto';
import {
  CreateUserPoolClientCommand,
  SignUpCommand,
  type CreateUserPoolClientRequest,
  type CreateUserPoolRequest,
  type SignUpRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

export const PASSWORD = 'Sign-Up-Passw0rd!';

/** A pool (email verified automatically unless the settings say otherwise) and a client without a secret. */
export async function poolWithClient(
  emulator: TestEmulator,
  settings: Partial<CreateUserPoolRequest> = {},
  client: Partial<CreateUserPoolClientRequest> = {},
): Promise<{ poolId: string; clientId: string; clientSecret?: string }> {
  const poolId = await createPool(emulator, { AutoVerifiedAttributes: ['email'], ...settings });
  const { UserPoolClient } = await emulator.client.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ...client }),
  );
  return {
    poolId,
    clientId: UserPoolClient!.ClientId!,
    ...(UserPoolClient!.ClientSecret ? { clientSecret: UserPoolClient!.ClientSecret } : {}),
  };
}

/** SignUp with a policy-conforming password and an email address named after the user. */
export async function signUp(emulator: TestEmulator, clientId: string, username: string, request: Partial<SignUpRequest> = {}) {
  return emulator.client.send(new SignUpCommand({
    ClientId: clientId, Username: username, Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }], ...request,
  }));
}

export interface SentCode {
  code: string;
  kind: string;
  destination: string | null;
  username: string;
}

/** What the inbox holds for a user, newest first (GET /_cogniform/codes). */
export async function codesFor(emulator: TestEmulator, poolId: string, username: string): Promise<SentCode[]> {
  const query = `userPoolId=${poolId}&username=${encodeURIComponent(username)}`;
  return (await (await fetch(`${emulator.url}/_cogniform/codes?${query}`)).json()).codes;
}

export async function lastCode(emulator: TestEmulator, poolId: string, username: string): Promise<string> {
  const [latest] = await codesFor(emulator, poolId, username);
  if (!latest) throw new Error(`no code sent to ${username}`);
  return latest.code;
}

export const secretHash = (secret: string, username: string, clientId: string) =>
  createHmac('sha256', secret).update(username + clientId).digest('base64');

/** A clock tests can move. */
export function movableClock(start = new Date('2026-05-01T10:00:00.000Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}
