import type { CreateUserPoolClientRequest, CreateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../../../store/store.js';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { userPoolClients, userPoolClientToApi, type UserPoolClientRecord } from '../../model/client.js';
import { checkUserPoolId } from '../pools/poolSettings.js';
import { checkClientName, checkClientConstraints } from './clientChecks.js';
import { checkClient, clientSettings } from './clientSettings.js';

export const CreateUserPoolClient =
  ({ store, clock, ids }: Pick<Deps, 'store' | 'clock' | 'ids'>): Operation<CreateUserPoolClientRequest, CreateUserPoolClientResponse> =>
  async (ctx, request) => {
    const { UserPoolId, ClientName, GenerateSecret, ClientSecret, ...settings } = request;
    // A chosen secret is ClientSecretType: 24 to 64 word characters (AddUserPoolClientSecret reference), and
    // sensitive, so its value stays out of the message.
    checkClientConstraints(settings, checkClientName(ClientName, checkUserPoolId(UserPoolId!)))
      .length('clientSecret', ClientSecret, 24, 64, true)
      .pattern('clientSecret', ClientSecret, '[\\w+]+', true)
      .throwIfAny();
    if (GenerateSecret && ClientSecret !== undefined) {
      // CreateUserPoolClient reference: "You cannot specify both GenerateSecret as true and provide a ClientSecret
      // value." The wording of the error is ours.
      throw new InvalidParameterException('GenerateSecret cannot be true when a ClientSecret is provided.');
    }
    const client = await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      const secret = GenerateSecret ? ids.clientSecret() : ClientSecret;
      const now = clock.now().getTime();
      const record: UserPoolClientRecord = {
        UserPoolId: pool.Id,
        ClientName: ClientName!,
        ClientId: ctx.pinnedId !== undefined ? await pinnedClientId(store, ctx.pinnedId) : ids.clientId(),
        ...(secret !== undefined ? { ClientSecret: secret } : {}),
        LastModifiedDate: now,
        CreationDate: now,
        ...clientSettings(settings),
      };
      await checkClient(store, pool, record, 'creating');
      await tx.put(store.table(userPoolClients), record);
      return record;
    });
    return { UserPoolClient: userPoolClientToApi(client) };
  };

/** A pinned client id must look like AWS's (letters, digits, `+`; 1-128) and be free in every pool. */
async function pinnedClientId(store: Store, id: string): Promise<string> {
  if (!/^[\w+]{1,128}$/.test(id)) throw new InvalidParameterException(`The pinned client id ${id} must be 1-128 letters, digits or +.`);
  if (await store.table(userPoolClients).findOne('byId', [id])) {
    throw new InvalidParameterException(`An app client with the pinned id ${id} already exists.`);
  }
  return id;
}
