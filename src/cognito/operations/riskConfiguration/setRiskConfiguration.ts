import type { SetRiskConfigurationRequest, SetRiskConfigurationResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { riskConfigurations, riskConfigurationToApi, type RiskConfigurationRecord } from '../../model/riskConfiguration.js';
import { checkRiskSettings, requireRiskTarget, riskKey, withoutNulls } from './riskChecks.js';

/**
 * Replaces the threat-protection settings of a client, or without ClientId (or with "ALL") the pool's, which clients
 * without their own inherit. "To set the risk configuration for the user pool to defaults, send this request with
 * only the UserPoolId parameter. To reset the threat protection settings of an app client to be inherited from the
 * user pool, send UserPoolId and ClientId parameters only" (SetRiskConfiguration reference): such a request drops the
 * stored settings.
 *
 * The reference lists UserPoolAddOnNotEnabledException, but AWS accepts these settings on a pool whose add-ons were
 * never set: hashicorp/terraform-provider-aws's acceptance tests (TestAccCognitoIDPRiskConfiguration_*) set and read
 * them on a bare `aws_cognito_user_pool`. cogniform therefore does not ask for UserPoolAddOns; it stores the
 * settings and evaluates no risk.
 */
export const SetRiskConfiguration =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<SetRiskConfigurationRequest, SetRiskConfigurationResponse> =>
  async (_ctx, raw) => {
    const request = withoutNulls(raw);
    checkRiskSettings(request);
    const { UserPoolId, ClientId, CompromisedCredentialsRiskConfiguration, AccountTakeoverRiskConfiguration, RiskExceptionConfiguration } = request;
    const table = store.table(riskConfigurations);
    const saved = await store.transact(UserPoolId!, async (tx) => {
      await requireRiskTarget(store, UserPoolId!, ClientId);
      if (!CompromisedCredentialsRiskConfiguration && !AccountTakeoverRiskConfiguration && !RiskExceptionConfiguration) {
        const previous = await tx.get(table, [UserPoolId!, riskKey(ClientId)]);
        if (previous) await tx.delete(table, previous);
        return undefined;
      }
      const record: RiskConfigurationRecord = {
        UserPoolId: UserPoolId!,
        ...(ClientId !== undefined ? { ClientId } : {}),
        ...(CompromisedCredentialsRiskConfiguration ? { CompromisedCredentialsRiskConfiguration } : {}),
        ...(AccountTakeoverRiskConfiguration ? { AccountTakeoverRiskConfiguration } : {}),
        ...(RiskExceptionConfiguration ? { RiskExceptionConfiguration } : {}),
        LastModifiedDate: clock.now().getTime(),
      };
      await tx.put(table, record);
      return record;
    });
    return {
      RiskConfiguration: saved ? riskConfigurationToApi(saved) : { UserPoolId, ...(ClientId !== undefined ? { ClientId } : {}) },
    };
  };
