import type { GetUICustomizationRequest, GetUICustomizationResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { ALL_CLIENTS, uiCustomizations, uiCustomizationToApi } from '../../model/uiCustomization.js';
import { checkBrandingKey, requireBrandable } from './brandingChecks.js';

/**
 * "Returns user-pool level branding information if no app client branding is applied, or if you don't specify an
 * app client ID. Returns an empty object if you haven't applied hosted UI branding to either the client or the user
 * pool" (GetUICustomization reference); the fallback shows ClientId "ALL", the empty answer is `{}`
 * (hashicorp/terraform-provider-aws treats a zero UICustomization as absent).
 */
export const GetUICustomization =
  ({ store }: Pick<Deps, 'store'>): Operation<GetUICustomizationRequest, GetUICustomizationResponse> =>
  async (_ctx, { UserPoolId, ClientId }) => {
    checkBrandingKey(UserPoolId!, ClientId ?? undefined).throwIfAny();
    const clientId = ClientId ?? ALL_CLIENTS;
    await requireBrandable(store, UserPoolId!, clientId);
    const table = store.table(uiCustomizations);
    const record = (await table.get([UserPoolId!, clientId])) ?? (await table.get([UserPoolId!, ALL_CLIENTS]));
    return { UICustomization: record ? uiCustomizationToApi(record) : {} };
  };
