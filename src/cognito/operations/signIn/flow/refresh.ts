import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { subOf } from '../../../model/user.js';
import type { RefreshSession } from '../../../tokens/tokens.js';
import type { SignInDeps } from './outcome.js';
import type { SignInClient } from './signInClient.js';
import { checkSecretHash } from './signInClient.js';
import { preTokenGeneration } from '../../../triggers/preTokenGeneration.js';

// New ID and access tokens from a refresh token, for REFRESH_TOKEN(_AUTH) and GetTokensFromRefreshToken. A new
// refresh token only when the client rotates them (RefreshTokenRotationType reference; LocalStack #8462 issued one
// every time, which apps do not expect). Rotating invalidates the token given, after the client's grace period
// (src/cognito/tokens/rotation.ts).

export const rotates = ({ client }: Pick<SignInClient, 'client'>) => client.RefreshTokenRotation?.Feature === 'ENABLED';

/** REFRESH_TOKEN_AUTH's SECRET_HASH is over the stored username; clients that only know the sub send that. */
export const secretHashOfRefresh =
  ({ client }: Pick<SignInClient, 'client'>, given: string | undefined) =>
  ({ user }: RefreshSession) => checkSecretHash(client, given, [user.Username, subOf(user)]);

/** PreTokenGeneration runs again on every refresh (TokenGeneration_RefreshTokens), with the session's scopes. */
export async function refreshTokens(
  deps: Pick<SignInDeps, 'tokens' | 'functions' | 'clock' | 'store'>,
  target: Pick<SignInClient, 'client'>,
  refreshToken: string,
  /** Throws when the caller does not prove it is the client (a client with a secret). */
  proveClient: (session: RefreshSession) => void,
): Promise<AuthenticationResultType> {
  const session = await deps.tokens.openRefreshToken(refreshToken, target.client.ClientId);
  proveClient(session);
  const { pool, client, user, authTime, originJti, jti, scopes, deviceKey } = session;
  const rotating = rotates(target);
  const overrides = await preTokenGeneration(deps, { pool, client, user, source: 'TokenGeneration_RefreshTokens', scopes });
  return deps.tokens.issue({
    pool,
    client,
    user,
    authTime,
    originJti,
    scopes,
    refreshToken: rotating,
    ...(rotating ? { rotatedOut: jti } : {}),
    ...(deviceKey !== undefined ? { deviceKey } : {}),
    ...(overrides ? { overrides } : {}),
  });
}
