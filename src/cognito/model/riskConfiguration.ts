import type { RiskConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

/**
 * Threat-protection settings of a pool (no ClientId, or "ALL") or of one app client, as SetRiskConfiguration was
 * given them, with the date as epoch milliseconds.
 */
export type RiskConfigurationRecord = Omit<RiskConfigurationType, 'LastModifiedDate'> & {
  UserPoolId: string;
  LastModifiedDate: number;
};

/** The key part of a pool's own settings, which clients without their own inherit. */
export const POOL_LEVEL = 'ALL';

/** Keyed under the pool, so that DeleteUserPool purges them. */
export const riskConfigurations: TableSpec<RiskConfigurationRecord> = {
  name: 'riskConfigurations',
  key: (r) => [r.UserPoolId, r.ClientId ?? POOL_LEVEL],
};

export function riskConfigurationToApi(record: RiskConfigurationRecord): RiskConfigurationType {
  return { ...record, LastModifiedDate: new Date(record.LastModifiedDate) };
}
