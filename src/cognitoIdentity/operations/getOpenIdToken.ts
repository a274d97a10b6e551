import type { GetOpenIdTokenInput, GetOpenIdTokenResponse } from '@aws-sdk/client-cognito-identity';
import { SignJWT } from 'jose';
import { openIdentity } from '../access.js';
import { amrOf } from '../credentials.js';
import type { CognitoIdentityDeps } from '../deps.js';
import { OPEN_ID_ALG, openIdKey } from '../openIdKey.js';

// GetOpenIdToken: "The OpenID token is valid for 10 minutes" (API reference). Claims as AWS's tokens carry them
// (identity pools developer guide, "Role trust and permissions": `aud` the identity pool id, `sub` the identity id,
// `amr` "authenticated" or "unauthenticated"), iss https://cognito-identity.amazonaws.com. For a user-pool login
// `amr` goes on with the provider and `<provider>:CognitoSignIn:<sub>`: the values API Gateway passes on as
// `cognitoAuthenticationProvider` ("cognito-idp.us-east-1.amazonaws.com/us-east-1_xxxxxxxxx,cognito-idp.us-east-1
// .amazonaws.com/us-east-1_aaaaaaaaa:CognitoSignIn:qqqqqqqq-...", as apps parse it).
const OPEN_ID_ISSUER = 'https://cognito-identity.amazonaws.com';
const VALIDITY_SECONDS = 600;

export function GetOpenIdToken(deps: Pick<CognitoIdentityDeps, 'store' | 'tokens' | 'clock'>) {
  const { store, clock } = deps;
  return async (input: GetOpenIdTokenInput, region: string): Promise<GetOpenIdTokenResponse> => {
    const { pool, identity, logins } = await openIdentity(deps, region, input.IdentityId!, input.Logins);
    const amr = amrOf(logins);
    const key = await openIdKey(store);
    const iat = Math.floor(clock.now().getTime() / 1000);
    const Token = await new SignJWT({ amr })
      .setProtectedHeader({ kid: key.kid, typ: 'JWS', alg: OPEN_ID_ALG })
      .setIssuer(OPEN_ID_ISSUER)
      .setAudience(pool.IdentityPoolId)
      .setSubject(identity.IdentityId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + VALIDITY_SECONDS)
      .sign(key.privateKey);
    return { IdentityId: identity.IdentityId, Token };
  };
}
