import type {
  EmailMfaSettingsType,
  SetUserMFAPreferenceRequest,
  SMSMfaSettingsType,
  SoftwareTokenMfaSettingsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException } from '../../errors.js';
import type { UserRecord } from '../../model/user.js';
import { canReceive, type MfaFactor } from '../signIn/challenges/mfaFactors.js';

// A user's MFA factors as SetUserMFAPreference and AdminSetUserMFAPreference change them: UserMFASettingList holds
// the factors turned on, PreferredMfaSetting the one sign-in asks for first (GetUser and AdminGetUser show both).
// A settings member left out changes nothing (API reference: "If you don't specify a value for a setting, the
// previous value is retained").

type Settings = Pick<SetUserMFAPreferenceRequest, 'SMSMfaSettings' | 'SoftwareTokenMfaSettings' | 'EmailMfaSettings'>;
type FactorSettings = SMSMfaSettingsType | SoftwareTokenMfaSettingsType | EmailMfaSettingsType;

const ORDER: MfaFactor[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

/** The user with `factor` turned on or off (off also drops it as the preferred one). */
export function withFactor(user: UserRecord, factor: MfaFactor, enabled: boolean): UserRecord {
  const list = new Set(user.UserMFASettingList ?? []);
  if (enabled) list.add(factor);
  else list.delete(factor);
  const { PreferredMfaSetting, ...rest } = user;
  const keepPreferred = PreferredMfaSetting && (enabled || PreferredMfaSetting !== factor);
  return {
    ...rest,
    UserMFASettingList: ORDER.filter((f) => list.has(f)),
    ...(keepPreferred ? { PreferredMfaSetting } : {}),
  };
}

/**
 * AWS refuses a factor the user cannot receive. "User does not have delivery config set to turn on
 * SOFTWARE_TOKEN_MFA" for an authenticator never associated (aws/aws-sdk-js-v3#4645) and "User has not verified
 * software token mfa" for one associated but not verified (aws-amplify/amplify-js#1343); the same first wording is
 * used for SMS without a phone number and email without an address.
 */
function checkCanEnable(user: UserRecord, factor: MfaFactor): void {
  if (canReceive(user, factor)) return;
  if (factor === 'SOFTWARE_TOKEN_MFA' && user.softwareToken?.pending) {
    throw new InvalidParameterException('User has not verified software token mfa');
  }
  throw new InvalidParameterException(`User does not have delivery config set to turn on ${factor}`);
}

/** The user after the request's settings. */
export function applyMfaSettings(user: UserRecord, request: Settings): UserRecord {
  const given: [MfaFactor, FactorSettings | undefined][] = [
    ['SMS_MFA', request.SMSMfaSettings],
    ['SOFTWARE_TOKEN_MFA', request.SoftwareTokenMfaSettings],
    ['EMAIL_OTP', request.EmailMfaSettings],
  ];
  const preferred = given.filter(([, s]) => s?.PreferredMfa).map(([factor]) => factor);
  // The wordings below are cogniform's: AWS's are not on record.
  if (preferred.length > 1) throw new InvalidParameterException('Only one MFA type can be preferred.');
  let updated = user;
  for (const [factor, settings] of given) {
    if (!settings) continue;
    const enabled = settings.Enabled ?? user.UserMFASettingList?.includes(factor) ?? false;
    if (settings.PreferredMfa && !enabled) {
      throw new InvalidParameterException(`${factor} cannot be preferred while it is not enabled.`);
    }
    if (settings.Enabled) checkCanEnable(user, factor);
    updated = withFactor(updated, factor, enabled);
    if (settings.PreferredMfa) updated = { ...updated, PreferredMfaSetting: factor };
    else if (settings.PreferredMfa === false && updated.PreferredMfaSetting === factor) {
      const { PreferredMfaSetting: _dropped, ...rest } = updated;
      updated = rest;
    }
  }
  return updated;
}
