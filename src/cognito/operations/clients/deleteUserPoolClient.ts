import type { DeleteUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requireClient, requirePool } from '../../lookup.js';
import { userPoolClients } from '../../model/client.js';
import { checkClientKey } from './clientChecks.js';

export const DeleteUserPoolClient =
  ({ store }: Pick<Deps, 'store'>): Operation<DeleteUserPoolClientRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, ClientId }) => {
    checkClientKey(UserPoolId!, ClientId!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      await tx.delete(store.table(userPoolClients), await requireClient(store, UserPoolId!, ClientId!));
    });
    return {};
  };
