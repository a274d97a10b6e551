import type { UpdateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import { Constraints, PATTERNS } from '../../constraints.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// The model's length, pattern, range and enum constraints of the app-client operations (AWS API reference,
// CreateUserPoolClient / UpdateUserPoolClient / DescribeUserPoolClient / ListUserPoolClients).

/** The settings CreateUserPoolClient and UpdateUserPoolClient share. */
export type ClientSettingsRequest = Omit<UpdateUserPoolClientRequest, 'UserPoolId' | 'ClientId' | 'ClientName'>;

/** RedirectUrlType and the members of CallbackURLs / LogoutURLs: no whitespace. */
const URL_PATTERN = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+';
/** ScopeType. */
const SCOPE_PATTERN = '[\\x21\\x23-\\x5B\\x5D-\\x7E]+';
/** ProviderNameType. */
const PROVIDER_PATTERN = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+';

/** In the order AWS lists them in its enum message (awsdocs/aws-cloudformation-user-guide#525), then the newest. */
const EXPLICIT_AUTH_FLOWS = [
  'ALLOW_CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_AUTH',
] as const;
/** In the order of AWS's enum message (awsdocs/aws-cloudformation-user-guide#563). */
const OAUTH_FLOWS = ['implicit', 'client_credentials', 'code'] as const;
const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

/** ClientIdType is a sensitive member: AWS leaves its value out of validation messages. */
export function checkClientKey(userPoolId: string, clientId: string): Constraints {
  return checkUserPoolId(userPoolId)
    .length('clientId', clientId, 1, 128, true)
    .pattern('clientId', clientId, PATTERNS.clientId, true);
}

export function checkClientName(clientName: string | undefined, c: Constraints): Constraints {
  return c.length('clientName', clientName, 1, 128).pattern('clientName', clientName, PATTERNS.clientName);
}

/** Each member of a list against a length and a pattern, named as AWS names list members. */
function eachString(c: Constraints, path: string, values: string[] | undefined, max: number, pattern?: string): void {
  values?.forEach((value, i) => {
    const member = `${path}.${i + 1}.member`;
    c.length(member, value, 1, max);
    if (pattern) c.pattern(member, value, pattern);
  });
}

export function checkClientConstraints(request: ClientSettingsRequest, c: Constraints): Constraints {
  const units = request.TokenValidityUnits;
  c.range('refreshTokenValidity', request.RefreshTokenValidity, 0, 315360000)
    .range('accessTokenValidity', request.AccessTokenValidity, 1, 86400)
    .range('idTokenValidity', request.IdTokenValidity, 1, 86400)
    .oneOf('tokenValidityUnits.accessToken', units?.AccessToken, TIME_UNITS)
    .oneOf('tokenValidityUnits.idToken', units?.IdToken, TIME_UNITS)
    .oneOf('tokenValidityUnits.refreshToken', units?.RefreshToken, TIME_UNITS)
    .eachOneOf('explicitAuthFlows', request.ExplicitAuthFlows, EXPLICIT_AUTH_FLOWS)
    .length('supportedIdentityProviders', request.SupportedIdentityProviders, 0, 100)
    .length('callbackURLs', request.CallbackURLs, 0, 100)
    .length('logoutURLs', request.LogoutURLs, 0, 100)
    .length('defaultRedirectURI', request.DefaultRedirectURI, 1, 1024)
    .pattern('defaultRedirectURI', request.DefaultRedirectURI, URL_PATTERN)
    .length('allowedOAuthFlows', request.AllowedOAuthFlows, 0, 3)
    .eachOneOf('allowedOAuthFlows', request.AllowedOAuthFlows, OAUTH_FLOWS)
    .length('allowedOAuthScopes', request.AllowedOAuthScopes, 0, 50)
    .oneOf('preventUserExistenceErrors', request.PreventUserExistenceErrors, ['LEGACY', 'ENABLED'])
    .range('authSessionValidity', request.AuthSessionValidity, 3, 15)
    .oneOf('refreshTokenRotation.feature', request.RefreshTokenRotation?.Feature, ['ENABLED', 'DISABLED'])
    .range('refreshTokenRotation.retryGracePeriodSeconds', request.RefreshTokenRotation?.RetryGracePeriodSeconds, 0, 60);
  eachString(c, 'readAttributes', request.ReadAttributes, 2048);
  eachString(c, 'writeAttributes', request.WriteAttributes, 2048);
  eachString(c, 'supportedIdentityProviders', request.SupportedIdentityProviders, 32, PROVIDER_PATTERN);
  eachString(c, 'callbackURLs', request.CallbackURLs, 1024, URL_PATTERN);
  eachString(c, 'logoutURLs', request.LogoutURLs, 1024, URL_PATTERN);
  eachString(c, 'allowedOAuthScopes', request.AllowedOAuthScopes, 256, SCOPE_PATTERN);
  const analytics = request.AnalyticsConfiguration;
  return c
    .pattern('analyticsConfiguration.applicationArn', analytics?.ApplicationArn, PATTERNS.arn)
    .pattern('analyticsConfiguration.roleArn', analytics?.RoleArn, PATTERNS.arn);
}
