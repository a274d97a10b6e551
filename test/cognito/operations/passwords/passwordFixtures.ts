import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { TestEmulator } from '../../../helpers/emulator.js';
import { TEMP_PASSWORD } from '../users/userFixtures.js';

export const NEW_PASSWORD = 'New-Passw0rd!';

/** A user with a verified email (or the attributes given), made by AdminCreateUser without a message. */
export async function verifiedUser(
  emulator: TestEmulator,
  poolId: string,
  username: string,
  attributes = [{ Name: 'email', Value: `${username}@example.com` }, { Name: 'email_verified', Value: 'true' }],
): Promise<void> {
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username: username, TemporaryPassword: TEMP_PASSWORD, MessageAction: 'SUPPRESS', UserAttributes: attributes,
  }));
}
