import { randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { ProviderContext, Provisioned } from '../provider.js';

// What the Cognito providers share: generated names, change tests and the errors a provider may step over.

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The name CloudFormation generates when a template gives none: the logical ID, a hyphen and 12 random
 * alphanumerics. Shape from the AWS::Cognito::UserPoolUserToGroupAttachment docs (Ref "returns a generated ID,
 * such as UserToGroupAttachment-YejJvzrEXAMPLE"); unnamed CDK user pools show the same shape.
 */
export function generatedName(logicalId: string): string {
  let suffix = '';
  for (let i = 0; i < 12; i++) suffix += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return `${logicalId}-${suffix}`;
}

/** Whether any of `keys` differs between two property sets (absent and present differ). */
export function changed<P>(previous: P, next: P, keys: readonly (keyof P)[]): boolean {
  return keys.some((key) => !isDeepStrictEqual(previous[key], next[key]));
}

const errorType = (error: unknown) => (error as { type?: unknown }).type;

/**
 * Runs a delete, treating "already gone" as done, as CloudFormation does: a resource whose pool was replaced (and
 * deleted) before it goes with the pool.
 */
export async function deleting(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (errorType(error) !== 'ResourceNotFoundException') throw error;
  }
}

/** A pinned id the context could not honour is an error, never a silently different id. */
export function checkPinned(what: string, pinnedId: string | undefined, id: string): void {
  if (pinnedId !== undefined && pinnedId !== id) {
    throw new Error(`${what} was created as ${id}, not as the pinned id ${pinnedId}`);
  }
}

/** For types whose every property is create-only: any change is a replacement, so an update never happens. */
export const everyPropertyCreateOnly = {
  replaces: () => true,
  update: async (_ctx: ProviderContext, current: Provisioned) => current,
};
