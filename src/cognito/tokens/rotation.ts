import type { Store, TableSpec } from '../../store/store.js';
import type { Clock } from '../deps.js';
import { RefreshTokenReuseException } from '../errors.js';
import type { UserPoolClientRecord } from '../model/client.js';

// Refresh-token rotation. When the app client rotates refresh tokens, GetTokensFromRefreshToken answers a new refresh
// token and the one it was given stops working after the client's RetryGracePeriodSeconds (0-60; 0 = at once): "the
// original refresh token can remain valid for a period of time of up to 60 seconds. This allows for client-side
// retries" (RefreshTokenRotationType and GetTokensFromRefreshToken reference). Using it after that fails with
// RefreshTokenReuseException. We remember each rotated-out token (by its own jti) and when it was first rotated out:
// the grace runs from that first rotation, so retries inside it cannot stretch it.

export interface RotatedRefreshTokenRecord {
  UserPoolId: string;
  /** The rotated-out refresh token's own id (not its session's origin_jti). */
  Jti: string;
  /** Epoch milliseconds of the first successful refresh that rotated it out. */
  RotatedAt: number;
}

export const rotatedRefreshTokens: TableSpec<RotatedRefreshTokenRecord> = {
  name: 'rotatedRefreshTokens',
  key: (r) => [r.UserPoolId, r.Jti],
};

/** The client's grace, read when the token is used: a client updated since keeps its new setting. */
const graceMs = (client: UserPoolClientRecord) => (client.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0) * 1000;

function refuseIfPastGrace(rotated: RotatedRefreshTokenRecord | undefined, client: UserPoolClientRecord, clock: Clock) {
  if (rotated && clock.now().getTime() - rotated.RotatedAt >= graceMs(client)) {
    // AWS documents the exception, not its message: this wording is cogniform's.
    throw new RefreshTokenReuseException('Refresh Token has been invalidated by refresh token rotation');
  }
}

/** Refuses a refresh token rotated out longer ago than the client's grace period. */
export async function checkNotRotatedOut(
  store: Store,
  client: UserPoolClientRecord,
  jti: string,
  clock: Clock,
): Promise<void> {
  refuseIfPastGrace(await store.table(rotatedRefreshTokens).get([client.UserPoolId, jti]), client, clock);
}

/**
 * Runs `mint` (the new tokens) and marks the refresh token `jti` rotated out, both under that token's lock: two
 * refreshes with the same token after its grace cannot both succeed, and a failed `mint` rotates nothing out.
 */
export async function rotateOut<R>(
  store: Store,
  client: UserPoolClientRecord,
  jti: string,
  clock: Clock,
  mint: () => Promise<R>,
): Promise<R> {
  return store.transact(`rotatedRefreshToken\0${jti}`, async (tx) => {
    const table = store.table(rotatedRefreshTokens);
    const rotated = await tx.get(table, [client.UserPoolId, jti]);
    refuseIfPastGrace(rotated, client, clock);
    const result = await mint();
    if (!rotated) await tx.put(table, { UserPoolId: client.UserPoolId, Jti: jti, RotatedAt: clock.now().getTime() });
    return result;
  });
}
