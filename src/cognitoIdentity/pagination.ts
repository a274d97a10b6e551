import { invalidParameter } from './errors.js';

// NextToken is the store key a page ended at, base64url-encoded so that it passes the model's `[\S]+` pattern.
export const toToken = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

export function fromToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (!key || toToken(key) !== token) throw invalidParameter('The pagination token is not valid.');
  return key;
}
