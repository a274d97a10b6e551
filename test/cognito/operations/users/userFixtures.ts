import { AdminCreateUserCommand, type AdminCreateUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Logger } from '../../../../src/cognito/deps.js';
import type { TestEmulator } from '../../../helpers/emulator.js';

export const TEMP_PASSWORD = 'Temp-Passw0rd!';

/** AdminCreateUser with a known temporary password and no message; returns the stored Username. */
export async function createUser(
  emulator: Pick<TestEmulator, 'client'>,
  poolId: string,
  username: string,
  request: Partial<AdminCreateUserRequest> = {},
): Promise<string> {
  const { User } = await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username: username, TemporaryPassword: TEMP_PASSWORD, MessageAction: 'SUPPRESS', ...request,
  }));
  return User!.Username!;
}

/** A logger that keeps the info lines, to assert what cogniform printed. */
export function capturingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), error: () => {} };
}

export const attr = (attributes: { Name?: string; Value?: string }[] | undefined, name: string) =>
  attributes?.find((a) => a.Name === name)?.Value;
