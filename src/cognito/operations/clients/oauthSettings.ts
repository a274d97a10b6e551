import { InvalidOAuthFlowException, InvalidParameterException } from '../../errors.js';
import type { UserPoolClientRecord } from '../../model/client.js';

// The OAuth 2.0 rules of an app client. The messages are AWS's, as quoted in issues and catalogued (with the
// rules) by a CloudFormation preflight rule set (pf-cognito-oauth-*, pf-cognito-client-credentials-*,
// pf-cognito-callback-url-https, pf-cognito-default-redirect-uri-member); the exception names come from
// hashicorp/terraform-provider-aws's notes on the same errors.

/** Scopes every pool has; anything else must be `<resource server identifier>/<scope name>`. */
export const STANDARD_SCOPES: readonly string[] = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'];

export function checkOAuth(client: UserPoolClientRecord): void {
  const flows = client.AllowedOAuthFlows ?? [];
  const scopes = client.AllowedOAuthScopes ?? [];
  const callbacks = client.CallbackURLs ?? [];
  const userFlow = flows.some((flow) => flow === 'code' || flow === 'implicit');
  if (client.AllowedOAuthFlowsUserPoolClient) {
    if (!flows.length || !scopes.length) {
      throw new InvalidParameterException(
        'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.',
      );
    }
    if (userFlow && !callbacks.length) {
      throw new InvalidOAuthFlowException('CallbackUrls can not be empty when code flow or implicit flow is selected');
    }
  }
  // These hold whether or not OAuth is switched on: an update that leaves AllowedOAuthFlowsUserPoolClient out
  // (and so false) is still refused for them.
  if (flows.includes('client_credentials')) {
    if (userFlow) {
      throw new InvalidOAuthFlowException('client_credentials flow can not be selected along with code flow or implicit flow.');
    }
    if (!client.ClientSecret) {
      throw new InvalidOAuthFlowException('client_credentials flow can not be selected if client does not have a client secret.');
    }
    const standard = scopes.find((scope) => STANDARD_SCOPES.includes(scope));
    if (standard) throw new InvalidOAuthFlowException(`${standard} is not supported with client_credentials flow`);
  }
  callbacks.forEach(checkRedirectUrl);
  client.LogoutURLs?.forEach(checkRedirectUrl);
  const fallback = client.DefaultRedirectURI;
  if (fallback !== undefined && !callbacks.includes(fallback)) {
    throw new InvalidParameterException(`The default redirect URI ${fallback} is not in the callback URIs list.`);
  }
}

/** Plain http only for loopback hosts, which the API reference exempts "for testing purposes". */
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?([/?]|$)/i;

/**
 * A redirect URI must be absolute, carry no fragment, and use HTTPS unless it is a loopback or app URL such as
 * `myapp://example` (CreateUserPoolClient reference, CallbackURLs). The wording of the first two errors is ours;
 * the HTTP one is AWS's.
 */
function checkRedirectUrl(url: string): void {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) throw new InvalidParameterException(`${url} is not an absolute URI.`);
  if (url.includes('#')) throw new InvalidParameterException(`${url} must not include a fragment component.`);
  if (/^http:/i.test(url) && !LOOPBACK.test(url)) throw new InvalidParameterException(`${url} cannot use the HTTP protocol.`);
}
