import { Constraints, PATTERNS } from './constraints.js';
import type { KeyParts, Page, Table } from '../store/store.js';

// Pagination tokens are opaque to clients, as AWS's are: the store key to resume after, base64url-encoded.

export function toToken(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function fromToken(token: string | undefined): string | undefined {
  return token === undefined ? undefined : Buffer.from(token, 'base64url').toString('utf8');
}

/** A List operation's page size (MaxResults or Limit, `min..max`) and token (NextToken), as AWS checks them. */
export function checkPaging(
  c: Constraints,
  size: { name: string; value: number | undefined; min: number; max: number },
  token: { name: string; value: string | undefined },
): Constraints {
  return c
    .range(size.name, size.value, size.min, size.max)
    .length(token.name, token.value, 1)
    .pattern(token.name, token.value, PATTERNS.paginationKey);
}

/**
 * The page size for a `Limit` (QueryLimitType, 0..60). The reference gives no default; 60 (the maximum) is what
 * ListUsers documents, and 0 is read as "the default" the way AdminListUserAuthEvents documents MaxResults 0.
 */
export function pageSize(limit: number | undefined): number {
  return limit || 60;
}

/** One page of a table under `prefix`, resuming after `token`; costs O(size), whatever the table holds. */
export function listPage<T>(table: Table<T>, prefix: KeyParts, size: number, token: string | undefined): Promise<Page<T>> {
  return table.list(prefix, { limit: size, after: fromToken(token) });
}

/** `{ NextToken }` when another page follows, `{}` when this was the last (AWS omits the member). */
export function nextToken(page: Page<unknown>): { NextToken?: string } {
  return page.next ? { NextToken: toToken(page.next) } : {};
}
