import type {
  UpdateResourceServerRequest,
  UpdateResourceServerResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { resourceServerToApi, resourceServers, type ResourceServerRecord } from '../../model/resourceServer.js';
import { checkServerKey, checkServerSettings, requireResourceServer, storedScopes } from './resourceServerChecks.js';

/**
 * AWS API reference, UpdateResourceServer: "If you don't provide a value for an attribute, it is set to the
 * default value." So the name and the whole scope list are replaced; scopes left out are removed.
 */
export const UpdateResourceServer =
  ({ store }: Pick<Deps, 'store'>): Operation<UpdateResourceServerRequest, UpdateResourceServerResponse> =>
  async (_ctx, { UserPoolId, Identifier, Name, Scopes }) => {
    checkServerSettings(Name!, Scopes, checkServerKey(UserPoolId!, Identifier!)).throwIfAny();
    const server = await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      await requireResourceServer(store, UserPoolId!, Identifier!, tx);
      const record: ResourceServerRecord = {
        UserPoolId: UserPoolId!,
        Identifier: Identifier!,
        Name: Name!,
        Scopes: storedScopes(Scopes),
      };
      await tx.put(store.table(resourceServers), record);
      return record;
    });
    return { ResourceServer: resourceServerToApi(server) };
  };
