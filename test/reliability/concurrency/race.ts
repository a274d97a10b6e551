import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import * as assert from 'uvu/assert';

// Shared by the concurrency family: start many calls at once over real HTTP, tally how they ended, and time them.

export interface Tally {
  /** The values of the calls that succeeded, in call order. */
  ok: unknown[];
  /** AWS exception name → how many calls failed with it. */
  errors: Record<string, number>;
  /** The slowest call, in milliseconds. */
  maxMs: number;
}

/** Runs `call(i)` for i in 0..n-1 all at once and waits for every one. */
export async function race(n: number, call: (i: number) => Promise<unknown>): Promise<Tally> {
  const tally: Tally = { ok: [], errors: {}, maxMs: 0 };
  const outcomes = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const started = performance.now();
      try {
        return { value: await call(i) };
      } catch (error) {
        return { error: (error as Error).name };
      } finally {
        tally.maxMs = Math.max(tally.maxMs, performance.now() - started);
      }
    }),
  );
  for (const outcome of outcomes) {
    if ('error' in outcome) tally.errors[outcome.error!] = (tally.errors[outcome.error!] ?? 0) + 1;
    else tally.ok.push(outcome.value);
  }
  return tally;
}

/** Exactly one call won and every other one failed with `loser` (nothing else: no 500, no other error). */
export function assertOneWinner(tally: Tally, n: number, loser: string): void {
  assert.is(tally.ok.length, 1, `winners: ${JSON.stringify(tally.errors)}`);
  assert.equal(tally.errors, { [loser]: n - 1 });
}

/** An SDK client with enough sockets that `n` calls really are in flight together. */
export function cognito(url: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: { httpAgent: { maxSockets: 256 } },
    // A retried call would hide the first answer (a throttle or a 500) behind a second one.
    maxAttempts: 1,
  });
}

/** A pool (and a public app client on it) for one test. */
export async function newPool(client: CognitoIdentityProviderClient, input: Partial<CreateUserPoolCommandInput> = {}) {
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'race', ...input }));
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: UserPool!.Id!,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
}

export const PASSWORD = 'Passw0rd!Passw0rd';

/**
 * A seeded generator (mulberry32) for the order of mixed calls. The seed comes from CONCURRENCY_SEED or the clock;
 * `describe` names it, for a failure message to print so a failing mix can be replayed.
 */
export function seeded(label: string): { next: () => number; pick: <T>(items: readonly T[]) => T; describe: string } {
  const seed = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 2 ** 31);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)]!, describe: `${label} (CONCURRENCY_SEED=${seed})` };
}

/** Runs `check`, and on failure says which seed produced the mix. */
export async function withSeed(describe: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    (error as Error).message = `${(error as Error).message}\n  replay: ${describe}`;
    throw error;
  }
}
