import { CognitoError } from '../../../cognito/errors.js';
import { refreshTokens } from '../../../cognito/operations/signIn/flow/refresh.js';
import { OAuthError } from '../oauthError.js';
import { required, type Grant } from '../token.js';

/**
 * grant_type=refresh_token: the API's refresh (same session and scopes, PreTokenGeneration with
 * TokenGeneration_RefreshTokens, a new refresh token only when the client rotates them). A hosted session's tokens
 * stay hosted-shaped (src/cognito/tokens: the session remembers). A token that does not check out (forged,
 * expired, revoked, another client's, rotated out) is invalid_grant (RFC 6749 §5.2).
 */
export const refreshTokenGrant: Grant = async (deps, target, form) => {
  const refreshToken = required(form, 'refresh_token');
  try {
    // The client has authenticated already (client_secret_basic or _post): nothing more to prove.
    return await refreshTokens(deps, target, refreshToken, () => {});
  } catch (error) {
    if (error instanceof CognitoError && ['NotAuthorizedException', 'RefreshTokenReuseException', 'UserNotFoundException'].includes(error.type)) {
      throw new OAuthError('invalid_grant', error.message);
    }
    throw error;
  }
};
