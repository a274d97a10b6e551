import { users } from '../../../cognito/model/user.js';
import { redeemCode } from '../authorizationCodes.js';
import { hostedTokens } from '../hostedTokens.js';
import { OAuthError } from '../oauthError.js';
import { required, type Grant } from '../token.js';

/**
 * grant_type=authorization_code: the code (single use, 5 minutes, same client and redirect_uri, the PKCE verifier
 * when a challenge was given) becomes ID, access and refresh tokens. The user must still be there and enabled.
 */
export const authorizationCodeGrant: Grant = async (deps, { pool, client }, form) => {
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const record = await redeemCode(deps, {
    code,
    clientId: client.ClientId,
    redirectUri,
    codeVerifier: form.get('code_verifier') ?? undefined,
  });
  const user = await deps.store.table(users).findOne('bySub', [pool.Id, record.Sub]);
  if (!user?.Enabled) throw new OAuthError('invalid_grant');
  return hostedTokens(deps, {
    pool,
    client,
    user,
    authTime: record.AuthTime,
    scopes: record.Scopes,
    nonce: record.Nonce,
    refreshToken: true,
  });
};
