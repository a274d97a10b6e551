import type { DeleteResourceServerRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { resourceServers } from '../../model/resourceServer.js';
import { checkServerKey, requireResourceServer } from './resourceServerChecks.js';

/** App clients that list the server's scopes keep them, as on AWS (deleting a server does not touch clients). */
export const DeleteResourceServer =
  ({ store }: Pick<Deps, 'store'>): Operation<DeleteResourceServerRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Identifier }) => {
    checkServerKey(UserPoolId!, Identifier!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      await tx.delete(store.table(resourceServers), await requireResourceServer(store, UserPoolId!, Identifier!, tx));
    });
    return {};
  };
