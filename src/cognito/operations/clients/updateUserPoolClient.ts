import type { UpdateUserPoolClientRequest, UpdateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requireClient, requirePool } from '../../lookup.js';
import { userPoolClients, userPoolClientToApi, type UserPoolClientRecord } from '../../model/client.js';
import { checkClientKey, checkClientName, checkClientConstraints } from './clientChecks.js';
import { checkClient, clientSettings } from './clientSettings.js';

/**
 * Replaces every setting, as AWS does: "If you don't provide a value for an attribute, Amazon Cognito sets it to
 * its default value" (UpdateUserPoolClient API reference). The id, secret and creation date stay, and so does the
 * name when the request leaves it out (it has no default).
 */
export const UpdateUserPoolClient =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<UpdateUserPoolClientRequest, UpdateUserPoolClientResponse> =>
  async (_ctx, request) => {
    const { UserPoolId, ClientId, ClientName, ...settings } = request;
    checkClientConstraints(settings, checkClientName(ClientName, checkClientKey(UserPoolId!, ClientId!))).throwIfAny();
    const client = await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      const existing = await requireClient(store, UserPoolId!, ClientId!);
      const record: UserPoolClientRecord = {
        UserPoolId: existing.UserPoolId,
        ClientName: ClientName ?? existing.ClientName,
        ClientId: existing.ClientId,
        ...(existing.ClientSecret !== undefined ? { ClientSecret: existing.ClientSecret } : {}),
        LastModifiedDate: clock.now().getTime(),
        CreationDate: existing.CreationDate,
        ...clientSettings(settings),
      };
      await checkClient(store, pool, record, 'updating');
      await tx.put(store.table(userPoolClients), record);
      return record;
    });
    return { UserPoolClient: userPoolClientToApi(client) };
  };
