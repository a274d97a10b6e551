import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolClientRecord } from '../../cognito/model/client.js';
import type { UserRecord } from '../../cognito/model/user.js';
import type { UserPoolRecord } from '../../cognito/model/userPool.js';
import { preTokenGeneration } from '../../cognito/triggers/preTokenGeneration.js';
import type { OAuthDeps } from '../authorization.js';

// Tokens for a hosted sign-in (implicit flow at once, code flow at the token exchange). PreTokenGeneration runs with
// TokenGeneration_HostedAuth ("Amazon Cognito authenticates the user from the hosted UI sign-in page", triggerSource
// table of the trigger's page); PostAuthentication has already run, on the sign-in page's side.

export interface HostedGrant {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
  user: UserRecord;
  authTime: number;
  scopes: string[];
  nonce?: string | undefined;
  refreshToken: boolean;
}

export async function hostedTokens(deps: OAuthDeps, grant: HostedGrant): Promise<AuthenticationResultType> {
  const { pool, client, user, authTime, scopes, nonce, refreshToken } = grant;
  const overrides = await preTokenGeneration(deps, { pool, client, user, source: 'TokenGeneration_HostedAuth', scopes });
  return deps.tokens.issue({
    pool,
    client,
    user,
    authTime,
    scopes,
    refreshToken,
    hosted: true,
    ...(nonce !== undefined ? { nonce } : {}),
    ...(overrides ? { overrides } : {}),
  });
}
