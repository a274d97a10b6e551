import type { KeyObject } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';

// Refresh tokens are opaque, as AWS's are (an encrypted JWT: "nobody can decode or verify them except the Cognito
// service", aws-jwt-verify#59): a compact JWE sealed with the emulator's own key (`dir`, A256GCM), so it cannot be
// read, forged or altered, and it looks like AWS's five-part token.

export interface RefreshPayload {
  /** pool id */
  pool: string;
  client: string;
  sub: string;
  /** This refresh token's own id: rotation invalidates one token, not its session (src/cognito/tokens/rotation.ts). */
  jti: string;
  /** The session's id, shared by every token refreshed from the same sign-in: what RevokeToken revokes. */
  originJti: string;
  authTime: number;
  scopes: string[];
  deviceKey?: string;
  /** Epoch seconds. */
  exp: number;
}

export async function sealRefreshToken(payload: RefreshPayload, key: KeyObject): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .encrypt(key);
}

/** The payload, or undefined when the token was not sealed by this emulator (or was altered). */
export async function openSealedToken(token: string, key: KeyObject): Promise<RefreshPayload | undefined> {
  try {
    const { plaintext } = await compactDecrypt(token, key);
    const payload = JSON.parse(new TextDecoder().decode(plaintext)) as RefreshPayload;
    const { pool, sub, jti } = payload;
    return typeof pool === 'string' && typeof sub === 'string' && typeof jti === 'string' ? payload : undefined;
  } catch {
    return undefined;
  }
}
