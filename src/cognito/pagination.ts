// Pagination tokens are opaque to clients, as AWS's are: the store key to resume after, base64url-encoded.

export function toToken(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function fromToken(token: string | undefined): string | undefined {
  return token === undefined ? undefined : Buffer.from(token, 'base64url').toString('utf8');
}
