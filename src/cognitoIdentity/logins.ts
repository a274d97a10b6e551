import { decodeJwt, type JWTPayload } from 'jose';
import { users } from '../cognito/model/user.js';
import { sessionState } from '../cognito/tokens/sessions.js';
import { verifyPoolToken } from '../gateway/auth/cognitoJwt.js';
import type { Store } from '../store/store.js';
import type { CognitoIdentityDeps } from './deps.js';
import { invalidLogin, unsupportedProvider } from './errors.js';
import type { IdentityPoolRecord } from './model/identityPool.js';

// A login is a provider name and a token (GetId, GetCredentialsForIdentity, GetOpenIdToken `Logins`). cogniform
// checks the ID tokens of its own user pools, under `cognito-idp.<region>.amazonaws.com/<userPoolId>`, for real:
// the provider is one the identity pool lists, the issuer matches it, the signature is the user pool's, the token
// has not expired, and its `aud` is a client the identity pool lists for that provider. Refusals are AWS's
// NotAuthorizedException messages ("Invalid login token. Issuer doesn't match providerName",
// "... Couldn't verify signed token.", "... Token expired: 1667365798 >= 1667235770" (now >= exp),
// "... Missing a required claim: aud" for an access token, "Token is not from a supported provider of this identity
// pool."; amazon-cognito-identity-js#40/#91/#7, JciHitachiHA#33).

export interface VerifiedLogin {
  provider: string;
  /** The user pool user's `sub`: who the login is, whichever token they signed in with. */
  sub: string;
  /** The app client the token was issued to (`aud`). */
  clientId: string;
  claims: JWTPayload;
}

const USER_POOL_PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;

export async function verifyLogins(
  deps: Pick<CognitoIdentityDeps, 'store' | 'tokens' | 'clock'>,
  pool: IdentityPoolRecord,
  logins: Record<string, string> | undefined,
): Promise<VerifiedLogin[]> {
  const verified: VerifiedLogin[] = [];
  for (const [provider, token] of Object.entries(logins ?? {})) verified.push(await verifyLogin(deps, pool, provider, token));
  return verified;
}

async function verifyLogin(
  { store, tokens, clock }: Pick<CognitoIdentityDeps, 'store' | 'tokens' | 'clock'>,
  pool: IdentityPoolRecord,
  provider: string,
  token: string,
): Promise<VerifiedLogin> {
  const listed = (pool.CognitoIdentityProviders ?? []).filter((p) => p.ProviderName === provider);
  const userPool = USER_POOL_PROVIDER.exec(provider);
  if (!listed.length) throw unsupportedProvider();
  if (!userPool) throw invalidLogin(`cogniform checks only logins of its own user pools (cognito-idp.<region>.amazonaws.com/<poolId>), not ${provider}.`);
  const [, region = '', poolId = ''] = userPool;
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw invalidLogin('Not a valid OpenId Connect identity token.');
  }
  // Either issuer form cogniform issues names the pool (DESIGN.md §3 "issuer").
  const issuers = [tokens.issuer(poolId), `https://cognito-idp.${region}.amazonaws.com/${poolId}`];
  if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss)) throw invalidLogin("Issuer doesn't match providerName");
  const now = clock.now();
  const result = await verifyPoolToken(token, { poolIds: [poolId], pools: { jwks: (id) => tokens.jwks(id), issuers: () => issuers }, now });
  if ('error' in result) {
    if (result.error === 'expired') throw invalidLogin(`Token expired: ${Math.floor(now.getTime() / 1000)} >= ${claims.exp}`);
    throw invalidLogin("Couldn't verify signed token.");
  }
  if (claims.aud === undefined) throw invalidLogin('Missing a required claim: aud');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  // An entry without a ClientId accepts any of the pool's clients.
  const clientId = audiences.find((aud) => listed.some((p) => p.ClientId === undefined || p.ClientId === aud));
  if (clientId === undefined) throw unsupportedProvider();
  if (claims.token_use !== 'id' || typeof claims.sub !== 'string') throw invalidLogin('Not a valid OpenId Connect identity token.');
  if (listed.some((p) => p.ClientId === clientId && p.ServerSideTokenCheck)) await checkWithUserPool(store, poolId, claims);
  return { provider, sub: claims.sub, clientId, claims };
}

/**
 * ServerSideTokenCheck: "the identity pool will check with the integrated user pools to make sure that the user has
 * not been globally signed out or deleted before the identity pool provides an OIDC token or AWS credentials for the
 * user. If the user is signed out or deleted, the identity pool will return a 400 Not Authorized error" (API
 * reference, CognitoIdentityProvider). AWS's exact wording is not documented; these messages are cogniform's.
 */
async function checkWithUserPool(store: Store, poolId: string, claims: JWTPayload): Promise<void> {
  const sub = claims.sub as string;
  const user = await store.table(users).findOne('bySub', [poolId, sub]);
  if (!user) throw invalidLogin('The user no longer exists in the user pool.');
  if (!user.Enabled) throw invalidLogin('The user is disabled in the user pool.');
  const originJti = claims.origin_jti;
  if (typeof originJti === 'string' && (await sessionState(store, poolId, originJti, sub)) === 'revoked') {
    throw invalidLogin('The user has been signed out of the user pool.');
  }
}
