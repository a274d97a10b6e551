import type { Clock } from '../cognito/deps.js';
import type { Store } from '../store/store.js';

export interface SsmDeps {
  store: Store;
  clock: Clock;
  accountId: string;
}

/** One SSM operation: the request body and the call's region in, the response out (or a JsonServiceError thrown). */
export type SsmOperation = (body: unknown, region: string) => Promise<unknown>;
