import type { DeleteUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requireClient, requirePool } from '../../lookup.js';
import { userPoolClients } from '../../model/client.js';
import { riskConfigurations } from '../../model/riskConfiguration.js';
import { uiCustomizations } from '../../model/uiCustomization.js';
import { checkClientKey } from './clientChecks.js';

export const DeleteUserPoolClient =
  ({ store }: Pick<Deps, 'store'>): Operation<DeleteUserPoolClientRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, ClientId }) => {
    checkClientKey(UserPoolId!, ClientId!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      await tx.delete(store.table(userPoolClients), await requireClient(store, UserPoolId!, ClientId!));
      // The client's own branding and threat-protection settings go with it, so that a client re-created under a
      // pinned id starts from the pool's defaults.
      const branding = await tx.get(store.table(uiCustomizations), [UserPoolId!, ClientId!]);
      if (branding) await tx.delete(store.table(uiCustomizations), branding);
      const risk = await tx.get(store.table(riskConfigurations), [UserPoolId!, ClientId!]);
      if (risk) await tx.delete(store.table(riskConfigurations), risk);
    });
    return {};
  };
