import type {
  CreateResourceServerRequest,
  CreateResourceServerResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { resourceServerToApi, resourceServers, type ResourceServerRecord } from '../../model/resourceServer.js';
import { checkServerKey, checkServerSettings, storedScopes } from './resourceServerChecks.js';

export const CreateResourceServer =
  ({ store }: Pick<Deps, 'store'>): Operation<CreateResourceServerRequest, CreateResourceServerResponse> =>
  async (_ctx, { UserPoolId, Identifier, Name, Scopes }) => {
    checkServerSettings(Name!, Scopes, checkServerKey(UserPoolId!, Identifier!)).throwIfAny();
    const server = await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      const table = store.table(resourceServers);
      // A taken identifier is an InvalidParameterException, not a *ExistsException (the operation lists no other
      // conflict error). Wording as moto has it; AWS words a taken IdP name the same way (CloudTrail, quoted in
      // aws-cloudformation/cloudformation-coverage-roadmap#1287).
      if (await tx.get(table, [UserPoolId!, Identifier!])) {
        throw new InvalidParameterException(`${Identifier} already exists in user pool ${UserPoolId}.`);
      }
      const record: ResourceServerRecord = {
        UserPoolId: UserPoolId!,
        Identifier: Identifier!,
        Name: Name!,
        Scopes: storedScopes(Scopes),
      };
      await tx.put(table, record);
      return record;
    });
    return { ResourceServer: resourceServerToApi(server) };
  };
