import type { TimeUnitsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../../../store/store.js';
import { InvalidParameterException } from '../../errors.js';
import { CLIENT_DEFAULTS, type UserPoolClientRecord } from '../../model/client.js';
import type { UserPoolRecord } from '../../model/userPool.js';
import type { ClientSettingsRequest } from './clientChecks.js';
import { checkPoolReferences, type ClientAction } from './clientReferences.js';
import { checkOAuth } from './oauthSettings.js';

/** Everything a client record holds besides its identity, secret and dates. */
export type ClientSettings = Omit<
  UserPoolClientRecord, 'UserPoolId' | 'ClientId' | 'ClientName' | 'ClientSecret' | 'CreationDate' | 'LastModifiedDate'
>;

/** `{ [key]: value }` when the request has the member, `{}` otherwise. */
const given = <K extends keyof ClientSettingsRequest>(request: ClientSettingsRequest, key: K) =>
  (request[key] === undefined ? {} : { [key]: request[key] }) as Pick<ClientSettingsRequest, K>;

/**
 * The settings a request leaves the client with. Both CreateUserPoolClient and UpdateUserPoolClient fill what the
 * request leaves out with AWS's defaults: "If you don't provide a value for an attribute, Amazon Cognito sets it
 * to its default value" (UpdateUserPoolClient API reference). A RefreshTokenValidity of 0 also means the default
 * (CreateUserPoolClient reference: "If you do, Amazon Cognito overrides the value with the default value").
 */
export function clientSettings(request: ClientSettingsRequest): ClientSettings {
  const rotation = request.RefreshTokenRotation;
  return {
    RefreshTokenValidity: request.RefreshTokenValidity || CLIENT_DEFAULTS.RefreshTokenValidity,
    ...given(request, 'AccessTokenValidity'),
    ...given(request, 'IdTokenValidity'),
    TokenValidityUnits: request.TokenValidityUnits ?? CLIENT_DEFAULTS.TokenValidityUnits,
    ...given(request, 'ReadAttributes'),
    ...given(request, 'WriteAttributes'),
    ExplicitAuthFlows: request.ExplicitAuthFlows ?? CLIENT_DEFAULTS.ExplicitAuthFlows,
    ...given(request, 'SupportedIdentityProviders'),
    ...given(request, 'CallbackURLs'),
    ...given(request, 'LogoutURLs'),
    ...given(request, 'DefaultRedirectURI'),
    ...given(request, 'AllowedOAuthFlows'),
    ...given(request, 'AllowedOAuthScopes'),
    AllowedOAuthFlowsUserPoolClient: request.AllowedOAuthFlowsUserPoolClient ?? CLIENT_DEFAULTS.AllowedOAuthFlowsUserPoolClient,
    ...given(request, 'AnalyticsConfiguration'),
    ...given(request, 'PreventUserExistenceErrors'),
    EnableTokenRevocation: request.EnableTokenRevocation ?? CLIENT_DEFAULTS.EnableTokenRevocation,
    EnablePropagateAdditionalUserContextData:
      request.EnablePropagateAdditionalUserContextData ?? CLIENT_DEFAULTS.EnablePropagateAdditionalUserContextData,
    AuthSessionValidity: request.AuthSessionValidity ?? CLIENT_DEFAULTS.AuthSessionValidity,
    RefreshTokenRotation: rotation
      ? { Feature: rotation.Feature, RetryGracePeriodSeconds: rotation.RetryGracePeriodSeconds ?? 0 }
      : CLIENT_DEFAULTS.RefreshTokenRotation,
    ClientType: CLIENT_DEFAULTS.ClientType,
  };
}

/** Every rule a client's settings must meet, with AWS's errors; `client` is the record about to be stored. */
export async function checkClient(
  store: Store, pool: UserPoolRecord, client: UserPoolClientRecord, action: ClientAction,
): Promise<void> {
  checkTokenValidity(client);
  checkAuthFlows(client);
  checkAnalytics(client);
  if (client.EnablePropagateAdditionalUserContextData && !client.ClientSecret) {
    // CreateUserPoolClient reference: "You can only activate EnablePropagateAdditionalUserContextData in an app
    // client that has a client secret." The wording of the error is ours.
    throw new InvalidParameterException('EnablePropagateAdditionalUserContextData can only be enabled for a client with a client secret.');
  }
  checkOAuth(client);
  await checkPoolReferences(store, pool, client, action);
}

const SECONDS: Record<TimeUnitsType, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/**
 * Access and ID tokens last 5 minutes to 1 day, refresh tokens 60 minutes to 10 years, in the units given
 * (hours and days by default). One message for all, as AWS answers (quoted in
 * awsdocs/aws-cloudformation-user-guide#828). The refresh validity is checked even when defaulted: 30 with a
 * RefreshToken unit of minutes is out of range.
 */
function checkTokenValidity(client: UserPoolClientRecord): void {
  const units = client.TokenValidityUnits ?? {};
  const outside = (value: number | undefined, unit: TimeUnitsType, min: number, max: number) =>
    value !== undefined && (value * SECONDS[unit] < min || value * SECONDS[unit] > max);
  if (
    outside(client.AccessTokenValidity, units.AccessToken ?? 'hours', 300, 86400) ||
    outside(client.IdTokenValidity, units.IdToken ?? 'hours', 300, 86400) ||
    outside(client.RefreshTokenValidity, units.RefreshToken ?? 'days', 3600, 315360000)
  ) {
    throw new InvalidParameterException('Invalid range for token validity.');
  }
}

const LEGACY_FLOWS: readonly string[] = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];

function checkAuthFlows(client: UserPoolClientRecord): void {
  const flows = client.ExplicitAuthFlows ?? [];
  const modern = flows.filter((flow) => flow.startsWith('ALLOW_'));
  if (modern.length && flows.some((flow) => LEGACY_FLOWS.includes(flow))) {
    // API reference: "You can't assign these legacy ExplicitAuthFlows values to user pool clients at the same time
    // as values that begin with ALLOW_". The wording of the error is ours.
    throw new InvalidParameterException(
      'The legacy ExplicitAuthFlows values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH cannot be combined with values that begin with ALLOW_.',
    );
  }
  // AWS's error when ALLOW_ flows leave refresh out (aws/aws-cdk#7625). With refresh-token rotation on, refreshing
  // goes through GetTokensFromRefreshToken instead, which this flow does not govern.
  if (modern.length && !modern.includes('ALLOW_REFRESH_TOKEN_AUTH') && client.RefreshTokenRotation?.Feature !== 'ENABLED') {
    throw new InvalidParameterException('REFRESH_TOKEN_AUTH should always be allowed.');
  }
}

/** Either an application ARN alone, or an application id with its role and external id. */
function checkAnalytics(client: UserPoolClientRecord): void {
  const analytics = client.AnalyticsConfiguration;
  if (!analytics) return;
  const { ApplicationArn, ApplicationId, RoleArn, ExternalId } = analytics;
  const valid = ApplicationArn !== undefined
    ? ApplicationId === undefined && RoleArn === undefined && ExternalId === undefined
    : ApplicationId !== undefined && RoleArn !== undefined && ExternalId !== undefined;
  if (!valid) {
    // AWS's message, as catalogued by a CloudFormation preflight rule set (pf-cognito-analytics-config-exclusive).
    throw new InvalidParameterException(
      'Invalid analytics configuration given, either <application arn> or <application id, role arn, external id> are valid',
    );
  }
}
