// The OpenID Connect discovery document. A real one for a pool without a domain (openiddict-core#1586) lists
// issuer, jwks_uri, the endpoints, response_types ["code","token"], scopes openid/email/phone/profile, subject type
// public, RS256 and client_secret_basic/client_secret_post; with a domain the endpoints are the domain's
// /oauth2/{authorize,token,userInfo,revoke} and /logout. cogniform serves those at its own root.

export function openidConfiguration(issuer: string, emulatorUrl: string, poolId: string): Record<string, unknown> {
  return {
    authorization_endpoint: `${emulatorUrl}/oauth2/authorize`,
    end_session_endpoint: `${emulatorUrl}/logout`,
    id_token_signing_alg_values_supported: ['RS256'],
    issuer,
    // Always the emulator's own URL, even when tokens carry the AWS issuer (`--issuer aws`): that host is not here.
    jwks_uri: `${emulatorUrl}/${poolId}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    revocation_endpoint: `${emulatorUrl}/oauth2/revoke`,
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    token_endpoint: `${emulatorUrl}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    userinfo_endpoint: `${emulatorUrl}/oauth2/userInfo`,
  };
}
