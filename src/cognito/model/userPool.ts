import type {
  EmailMfaConfigType,
  SoftwareTokenMfaConfigType,
  UserPoolType,
  WebAuthnConfigurationType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

/** A pool as stored: the API shape with dates as epoch milliseconds; the user count lives in `poolStats`. */
export type UserPoolRecord = Omit<UserPoolType, 'CreationDate' | 'LastModifiedDate' | 'EstimatedNumberOfUsers'> & {
  Id: string;
  Name: string;
  Arn: string;
  CreationDate: number;
  LastModifiedDate: number;
  /** Set by SetUserPoolMfaConfig; never part of DescribeUserPool's answer. */
  MfaSettings?: PoolMfaSettings;
};

/**
 * The MFA settings UserPoolType has no member for (GetUserPoolMfaConfig shows them). SMS MFA's message and SNS
 * settings are the pool's own SmsAuthenticationMessage and SmsConfiguration.
 */
export interface PoolMfaSettings {
  SmsMfaEnabled: boolean;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  EmailMfaConfiguration?: EmailMfaConfigType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}

/** Keyed by id, which starts with the region, so ListUserPools scans only its region's range. */
export const userPools: TableSpec<UserPoolRecord> = { name: 'pools', key: (p) => [p.Id], cache: true };

export interface PoolStatsRecord {
  UserPoolId: string;
  users: number;
}

/** Counters kept beside the pool so DescribeUserPool does not count users (O(1), not O(users)). */
export const poolStats: TableSpec<PoolStatsRecord> = { name: 'poolStats', key: (s) => [s.UserPoolId], cache: true };

export function userPoolToApi(pool: UserPoolRecord, estimatedUsers: number): UserPoolType {
  const { MfaSettings: _mfa, ...api } = pool;
  return {
    ...api,
    CreationDate: new Date(pool.CreationDate),
    LastModifiedDate: new Date(pool.LastModifiedDate),
    EstimatedNumberOfUsers: estimatedUsers,
  };
}
