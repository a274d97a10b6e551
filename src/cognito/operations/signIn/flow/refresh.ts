import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { subOf } from '../../../model/user.js';
import type { RefreshSession } from '../../../tokens/tokens.js';
import type { SignInDeps } from './outcome.js';
import type { SignInClient } from './signInClient.js';
import { checkSecretHash } from './signInClient.js';

// New ID and access tokens from a refresh token, for REFRESH_TOKEN(_AUTH) and GetTokensFromRefreshToken. A new
// refresh token only when the client rotates them (RefreshTokenRotationType reference; LocalStack #8462 issued one
// every time, which apps do not expect). Rotating invalidates the token given, after the client's grace period
// (src/cognito/tokens/rotation.ts).

export const rotates = ({ client }: Pick<SignInClient, 'client'>) => client.RefreshTokenRotation?.Feature === 'ENABLED';

/** REFRESH_TOKEN_AUTH's SECRET_HASH is over the stored username; clients that only know the sub send that. */
export const secretHashOfRefresh =
  ({ client }: Pick<SignInClient, 'client'>, given: string | undefined) =>
  ({ user }: RefreshSession) => checkSecretHash(client, given, [user.Username, subOf(user)]);

export async function refreshTokens(
  { tokens }: Pick<SignInDeps, 'tokens'>,
  target: Pick<SignInClient, 'client'>,
  refreshToken: string,
  /** Throws when the caller does not prove it is the client (a client with a secret). */
  proveClient: (session: RefreshSession) => void,
): Promise<AuthenticationResultType> {
  const session = await tokens.openRefreshToken(refreshToken, target.client.ClientId);
  proveClient(session);
  const { pool, client, user, authTime, originJti, jti, scopes, deviceKey } = session;
  const rotating = rotates(target);
  return tokens.issue({
    pool,
    client,
    user,
    authTime,
    originJti,
    scopes,
    refreshToken: rotating,
    ...(rotating ? { rotatedOut: jti } : {}),
    ...(deviceKey !== undefined ? { deviceKey } : {}),
  });
}
