import { fromToken as keyOf, toToken } from '../cognito/pagination.js';
import { invalidParameter } from './errors.js';

// NextToken is the store key a page ended at, base64url-encoded as the user pools' tokens are
// (src/cognito/pagination.ts, whose nextToken builds the member); here a token that is not one of ours is refused.

export function fromToken(token: string | undefined): string | undefined {
  const key = keyOf(token);
  if (key !== undefined && (!key || toToken(key) !== token)) throw invalidParameter('The pagination token is not valid.');
  return key;
}
