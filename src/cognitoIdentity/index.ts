import type { Logger } from '../cognito/deps.js';
import type { Tokens } from '../cognito/tokens/tokens.js';
import { JsonServiceError, type JsonSurface } from '../server/edge.js';
import type { Store } from '../store/store.js';
import type { CredentialsLookup } from './credentials.js';

/** What the identity pools need from the rest of cogniform. */
export interface CognitoIdentityDeps {
  store: Store;
  clock: { now(): Date };
  log: Logger;
  /** The user pools' token service: a login's ID token is checked with it (signature, issuer, audience, expiry). */
  tokens: Tokens;
  accountId: string;
}

/**
 * Amazon Cognito identity pools (the `cognito-identity` service, AWS JSON 1.1, X-Amz-Target
 * `AWSCognitoIdentityService.<Operation>`).
 */
export function cognitoIdentitySurface(_deps: CognitoIdentityDeps): JsonSurface & { credentials: CredentialsLookup } {
  return {
    prefix: 'AWSCognitoIdentityService',
    credentials: { find: async () => undefined },
    handle: async (operation) => {
      throw new JsonServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    },
  };
}
