import type { UpdateUserAttributesRequest, UpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { userPoolClients } from '../../model/client.js';
import { updateAttributes } from '../users/attributes/attributeUpdates.js';
import { checkAttributes, checkWritable } from '../users/attributes/attributes.js';
import { checkAttributeList } from '../users/checks.js';
import { authorize, checkAccessToken, lockedUser } from './accessToken.js';

/**
 * The user changes their own attributes, within what their app client may write. A new email or phone number may
 * wait for its code, or replace the old one and get a code (users/attributes/attributeUpdates.ts).
 * CodeDeliveryDetailsList lists the codes sent.
 */
export const UpdateUserAttributes =
  (deps: Pick<Deps, 'store' | 'clock' | 'tokens' | 'inbox' | 'ids' | 'fixedCode' | 'functions' | 'log'>): Operation<
    UpdateUserAttributesRequest,
    UpdateUserAttributesResponse
  > =>
  async (_ctx, { UserAttributes, AccessToken, ClientMetadata }) => {
    const { store, clock, tokens } = deps;
    checkAttributeList('userAttributes', UserAttributes, checkAccessToken(AccessToken!)).throwIfAny();
    const context = await authorize(tokens, AccessToken!);
    const client = await store.table(userPoolClients).get([context.pool.Id, context.clientId]);
    const now = clock.now();
    const sent = await store.transact(context.pool.Id, async (tx) => {
      const pool = await requirePool(store, context.pool.Id);
      const user = await lockedUser(store, tx, context);
      const checked = checkAttributes(pool, UserAttributes!, 'update');
      checkWritable(client, checked.map((a) => a.Name!));
      const caller = { clientId: context.clientId, clientMetadata: ClientMetadata };
      return updateAttributes(deps, tx, pool, user, checked, now, caller);
    });
    return sent.length ? { CodeDeliveryDetailsList: sent } : {};
  };
