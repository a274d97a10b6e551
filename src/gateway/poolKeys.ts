import type { Tokens } from '../cognito/tokens/tokens.js';
import type { PoolKeys } from './routes.js';

/**
 * The local pools' keys and issuers for the authorizers. A token carries the configured issuer (`--issuer`), but
 * templates name pools by either form, so both are accepted (DESIGN.md §3 "issuer": "cogniform's own authorizers
 * accept both forms for its pools").
 */
export function poolKeys(tokens: Pick<Tokens, 'jwks'>, port: () => number): PoolKeys {
  return {
    jwks: (poolId) => tokens.jwks(poolId),
    issuers: (poolId) => [
      `http://localhost:${port()}/${poolId}`,
      `https://cognito-idp.${poolId.split('_')[0]}.amazonaws.com/${poolId}`,
    ],
  };
}
