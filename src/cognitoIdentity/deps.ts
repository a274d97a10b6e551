import type { Clock, Ids, Logger } from '../cognito/deps.js';
import type { Tokens } from '../cognito/tokens/tokens.js';
import type { Store } from '../store/store.js';

/** What the identity pools need from the rest of cogniform. */
export interface CognitoIdentityDeps {
  store: Store;
  clock: Clock;
  /**
   * The user pools' id source (src/cognito/ids.ts): pool and identity ids are `<region>:<uuid>`, access and secret
   * keys random characters from their alphabets (./issue.ts).
   */
  ids: Pick<Ids, 'uuid' | 'random'>;
  log: Logger;
  /** The user pools' token service: a login's ID token is checked with it (signature, issuer, audience, expiry). */
  tokens: Tokens;
  accountId: string;
}

/**
 * What cogniform itself may ask of an operation, beside the request: never part of a request body, so an API client
 * cannot reach it (the surface's `handle` takes it as a third argument that the edge never passes).
 */
export interface IdentityCallOptions {
  /**
   * The id CreateIdentityPool must give the pool: the reconciler chooses it before the create and records it first,
   * so that a create cut off by a crash leaves no pool it does not know of (src/iac/resources/provider.ts presetId).
   */
  pinnedId?: string;
}
