import type {
  DescribeRiskConfigurationRequest, DescribeRiskConfigurationResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { POOL_LEVEL, riskConfigurations, riskConfigurationToApi } from '../../model/riskConfiguration.js';
import { checkRiskKey, requireRiskTarget, riskKey, withoutNulls } from './riskChecks.js';

/**
 * A client's own settings, else the pool's that it inherits (SetRiskConfiguration reference), shown as stored (the
 * pool's without ClientId, as the AWS CLI's set-risk-configuration example answers). Where nothing was set, only
 * the key comes back. UserPoolAddOnNotEnabledException is not raised; see SetRiskConfiguration.
 */
export const DescribeRiskConfiguration =
  ({ store }: Pick<Deps, 'store'>): Operation<DescribeRiskConfigurationRequest, DescribeRiskConfigurationResponse> =>
  async (_ctx, request) => {
    const { UserPoolId, ClientId } = withoutNulls(request);
    checkRiskKey(UserPoolId!, ClientId).throwIfAny();
    await requireRiskTarget(store, UserPoolId!, ClientId);
    const table = store.table(riskConfigurations);
    const record = (await table.get([UserPoolId!, riskKey(ClientId)])) ?? (await table.get([UserPoolId!, POOL_LEVEL]));
    return {
      RiskConfiguration: record
        ? riskConfigurationToApi(record)
        : { UserPoolId, ...(ClientId !== undefined ? { ClientId } : {}) },
    };
  };
