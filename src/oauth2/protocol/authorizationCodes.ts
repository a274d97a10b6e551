import { createHash } from 'node:crypto';
import type { TableSpec } from '../../store/store.js';
import type { OAuthDeps } from '../authorization.js';
import { sameText } from '../../cognito/auth/sameText.js';
import { OAuthError } from './oauthError.js';

// Authorization codes (RFC 6749 §4.1.2): single use, bound to the client and redirect_uri they were issued for,
// expiring after 5 minutes as Cognito's do ("The authorization code is valid for five minutes", token-endpoint),
// and carrying what the token exchange must issue (scopes, nonce, the user and when they signed in) and the PKCE
// challenge it must check.

const CODE_SECONDS = 300;

export interface AuthorizationCodeRecord {
  Code: string;
  UserPoolId: string;
  ClientId: string;
  RedirectUri: string;
  Scopes: string[];
  Nonce?: string;
  /** S256 only (authorization-endpoint: "Cognito only supports S256"). */
  CodeChallenge?: string;
  Sub: string;
  AuthTime: number;
  /** Epoch milliseconds. */
  ExpiresAt: number;
}

export const authorizationCodes: TableSpec<AuthorizationCodeRecord> = { name: 'authorizationCodes', key: (c) => [c.Code] };

export async function createCode(
  deps: Pick<OAuthDeps, 'store' | 'clock' | 'ids'>,
  code: Omit<AuthorizationCodeRecord, 'Code' | 'ExpiresAt'>,
): Promise<string> {
  // Cognito's codes are UUIDs.
  const record = { ...code, Code: deps.ids.uuid(), ExpiresAt: deps.clock.now().getTime() + CODE_SECONDS * 1000 };
  await deps.store.transact(`authorizationCode\0${record.Code}`, (tx) => tx.put(deps.store.table(authorizationCodes), record));
  return record.Code;
}

const invalidGrant = () => new OAuthError('invalid_grant');

/**
 * The code, used up: it is deleted whatever happens next, so a second try (or an attacker's) finds nothing even
 * when the first one failed on its redirect_uri or verifier (RFC 6749 §10.5: codes are single use).
 */
export async function redeemCode(
  deps: Pick<OAuthDeps, 'store' | 'clock'>,
  given: { code: string; clientId: string; redirectUri: string; codeVerifier: string | undefined },
): Promise<AuthorizationCodeRecord> {
  const table = deps.store.table(authorizationCodes);
  const record = await deps.store.transact(`authorizationCode\0${given.code}`, async (tx) => {
    const found = await tx.get(table, [given.code]);
    if (found) await tx.delete(table, found);
    return found;
  });
  if (!record || record.ExpiresAt <= deps.clock.now().getTime()) throw invalidGrant();
  if (record.ClientId !== given.clientId || record.RedirectUri !== given.redirectUri) throw invalidGrant();
  if (record.CodeChallenge !== undefined && !verifierMatches(given.codeVerifier, record.CodeChallenge)) throw invalidGrant();
  return record;
}

/** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge. */
function verifierMatches(verifier: string | undefined, challenge: string): boolean {
  if (!verifier) return false;
  return sameText(createHash('sha256').update(verifier, 'ascii').digest('base64url'), challenge);
}
