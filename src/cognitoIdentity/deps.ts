import type { Clock, Logger } from '../cognito/deps.js';
import type { Tokens } from '../cognito/tokens/tokens.js';
import type { Store } from '../store/store.js';

/** What the identity pools need from the rest of cogniform. */
export interface CognitoIdentityDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** The user pools' token service: a login's ID token is checked with it (signature, issuer, audience, expiry). */
  tokens: Tokens;
  accountId: string;
}

/** One identity-pools operation: the request body (checked against its model shape) and the call's region. */
export type IdentityOperation = (body: unknown, region: string) => Promise<unknown>;
