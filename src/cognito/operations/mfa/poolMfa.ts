import type {
  GetUserPoolMfaConfigResponse,
  SetUserPoolMfaConfigRequest,
  WebAuthnConfigurationType,
} from '@aws-sdk/client-cognito-identity-provider';
import { PATTERNS } from '../../constraints.js';
import { FeatureUnavailableInTierException, InvalidParameterException } from '../../errors.js';
import type { UserPoolRecord } from '../../model/userPool.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// A pool's MFA configuration as Get/SetUserPoolMfaConfig see it. MfaConfiguration, SmsAuthenticationMessage and
// SmsConfiguration are the pool's own members (so DescribeUserPool agrees); the rest lives in `MfaSettings`.

/**
 * What GetUserPoolMfaConfig answers: only the factors that are configured. A pool that never had
 * SetUserPoolMfaConfig answers `{"MfaConfiguration": "OFF"}` (a live capture of 2026-08-22 in a public project's
 * notes), or, when CreateUserPool turned MFA on with an SMS configuration, SMS as its factor.
 */
export function poolMfaConfig(pool: UserPoolRecord): GetUserPoolMfaConfigResponse {
  const mode = pool.MfaConfiguration ?? 'OFF';
  const settings = pool.MfaSettings;
  const smsEnabled = settings ? settings.SmsMfaEnabled : mode !== 'OFF' && pool.SmsConfiguration !== undefined;
  return {
    ...(smsEnabled
      ? {
          SmsMfaConfiguration: {
            ...(pool.SmsAuthenticationMessage ? { SmsAuthenticationMessage: pool.SmsAuthenticationMessage } : {}),
            ...(pool.SmsConfiguration ? { SmsConfiguration: pool.SmsConfiguration } : {}),
          },
        }
      : {}),
    ...(settings?.SoftwareTokenMfaConfiguration
      ? { SoftwareTokenMfaConfiguration: settings.SoftwareTokenMfaConfiguration }
      : {}),
    ...(settings?.EmailMfaConfiguration ? { EmailMfaConfiguration: settings.EmailMfaConfiguration } : {}),
    MfaConfiguration: mode,
    ...(settings?.WebAuthnConfiguration ? { WebAuthnConfiguration: settings.WebAuthnConfiguration } : {}),
  };
}

/** Lengths, patterns and enums of the request (AWS API reference: SmsMfaConfigType, EmailMfaConfigType, ...). */
export function checkMfaRequest(request: SetUserPoolMfaConfigRequest): void {
  const { SmsMfaConfiguration: sms, EmailMfaConfiguration: email, WebAuthnConfiguration: webAuthn } = request;
  checkUserPoolId(request.UserPoolId!)
    .oneOf('mfaConfiguration', request.MfaConfiguration, ['OFF', 'ON', 'OPTIONAL'])
    .length('smsMfaConfiguration.smsAuthenticationMessage', sms?.SmsAuthenticationMessage, 6, 140)
    .pattern('smsMfaConfiguration.smsAuthenticationMessage', sms?.SmsAuthenticationMessage, '.*\\{####\\}.*')
    .length('smsMfaConfiguration.smsConfiguration.snsCallerArn', sms?.SmsConfiguration?.SnsCallerArn, 20, 2048)
    .pattern('smsMfaConfiguration.smsConfiguration.snsCallerArn', sms?.SmsConfiguration?.SnsCallerArn, PATTERNS.arn)
    .length('smsMfaConfiguration.smsConfiguration.snsRegion', sms?.SmsConfiguration?.SnsRegion, 5, 32)
    .length('emailMfaConfiguration.message', email?.Message, 6, 20000)
    .pattern('emailMfaConfiguration.message', email?.Message,
      '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*')
    .pattern('emailMfaConfiguration.subject', email?.Subject, '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+')
    // RelyingPartyIdType: 1..127 (recalled from the API reference; not re-checked).
    .length('webAuthnConfiguration.relyingPartyId', webAuthn?.RelyingPartyId, 1, 127)
    .oneOf('webAuthnConfiguration.userVerification', webAuthn?.UserVerification, ['required', 'preferred'])
    .oneOf('webAuthnConfiguration.factorConfiguration', webAuthn?.FactorConfiguration,
      ['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION'])
    .throwIfAny();
}

/**
 * AWS's rules for the factors a mode may have. The request sets the whole configuration: a factor it leaves out
 * is turned off (aws/aws-sdk-js#4186: OPTIONAL alone is refused), and OFF with any factor is refused (four live
 * calls reported in go-to-k/cdkd#1923; WebAuthn is not an MFA factor there).
 */
export function checkFactors(pool: UserPoolRecord, mode: string, request: SetUserPoolMfaConfigRequest): void {
  const email = request.EmailMfaConfiguration !== undefined;
  const totp = request.SoftwareTokenMfaConfiguration?.Enabled === true;
  const any = request.SmsMfaConfiguration !== undefined || totp || email;
  if (mode === 'OFF' && any) {
    throw new InvalidParameterException(
      "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
    );
  }
  if (mode !== 'OFF' && !any) {
    throw new InvalidParameterException(
      "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
    );
  }
  if (!email) return;
  // Both messages as the AWS Knowledge Center article "cognito-set-up-email-mfa-user-pool" quotes them.
  if (pool.UserPoolTier === 'LITE') {
    throw new FeatureUnavailableInTierException(
      'The following feature is not available for the LITE pricing tier configured: Email MFA',
    );
  }
  if ((pool.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT') === 'COGNITO_DEFAULT') {
    throw new InvalidParameterException(
      'Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an EmailSendingAccount of ' +
        'COGNITO_DEFAULT.Update the value of EmailSendingAccount',
    );
  }
}

/**
 * After the first SetUserPoolMfaConfig the answer carries WebAuthnConfiguration with FactorConfiguration
 * SINGLE_FACTOR even when the request set none (the same live capture); a request's settings are laid over it.
 */
export function webAuthnAfterSet(
  previous: WebAuthnConfigurationType | undefined,
  requested: WebAuthnConfigurationType | undefined,
): WebAuthnConfigurationType {
  return { FactorConfiguration: 'SINGLE_FACTOR', ...previous, ...requested };
}
