import { attributeValue, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { poolMfaConfig } from '../../mfa/poolMfa.js';

// Which MFA challenge follows a correct password (developer guide, "Adding MFA to a user pool"): none when the pool
// has MFA off; the user's preferred factor; the one factor the user has turned on; SELECT_MFA_TYPE when several
// are on and none is preferred. A user with no factor signs in without MFA when MFA is optional; when it is
// required, gets a code by SMS (or email) if the pool offers that and the user has the number (or address), and
// otherwise MFA_SETUP to register an authenticator app.

export type MfaFactor = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

export type MfaStep =
  | { challenge: MfaFactor }
  | { challenge: 'SELECT_MFA_TYPE' | 'MFA_SETUP'; factors: MfaFactor[] };

/** The factors the pool offers, in AWS's order. */
export function poolFactors(pool: UserPoolRecord): MfaFactor[] {
  const config = poolMfaConfig(pool);
  const offered: [MfaFactor, unknown][] = [
    ['SMS_MFA', config.SmsMfaConfiguration],
    ['SOFTWARE_TOKEN_MFA', config.SoftwareTokenMfaConfiguration?.Enabled],
    ['EMAIL_OTP', config.EmailMfaConfiguration],
  ];
  return offered.filter(([, on]) => on).map(([factor]) => factor);
}

/** Whether the user has what the factor needs: a phone number, a verified authenticator, an email address. */
export function canReceive(user: UserRecord, factor: MfaFactor): boolean {
  if (factor === 'SMS_MFA') return Boolean(attributeValue(user, 'phone_number'));
  if (factor === 'EMAIL_OTP') return Boolean(attributeValue(user, 'email'));
  return Boolean(user.softwareToken?.verified);
}

/** The factors the user has turned on (SetUserMFAPreference, or the legacy SMS MFAOptions) that work now. */
export function userFactors(pool: UserPoolRecord, user: UserRecord): MfaFactor[] {
  const chosen = new Set(user.UserMFASettingList ?? []);
  if (user.MFAOptions?.some((o) => o.DeliveryMedium === 'SMS')) chosen.add('SMS_MFA');
  return poolFactors(pool).filter((factor) => chosen.has(factor) && canReceive(user, factor));
}

export function mfaStep(pool: UserPoolRecord, user: UserRecord): MfaStep | undefined {
  const mode = pool.MfaConfiguration ?? 'OFF';
  if (mode === 'OFF') return undefined;
  const enabled = userFactors(pool, user);
  const preferred = enabled.find((factor) => factor === user.PreferredMfaSetting);
  if (preferred) return { challenge: preferred };
  if (enabled.length === 1) return { challenge: enabled[0]! };
  if (enabled.length > 1) return { challenge: 'SELECT_MFA_TYPE', factors: enabled };
  if (mode !== 'ON') return undefined;
  const offered = poolFactors(pool);
  const sent = offered.find((factor) => factor !== 'SOFTWARE_TOKEN_MFA' && canReceive(user, factor));
  return sent ? { challenge: sent } : { challenge: 'MFA_SETUP', factors: offered };
}
