import type { DeleteUserAttributesRequest, DeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { userPoolClients } from '../../model/client.js';
import { users } from '../../model/user.js';
import { checkWritable, withoutAttributes } from '../users/attributes/attributes.js';
import { checkAttributeNames } from '../users/checks.js';
import { authorize, checkAccessToken, lockedUser } from './accessToken.js';
import { isVerifiable } from './attributeVerification.js';
import { dropHeldUpdate } from '../../model/heldUpdates.js';

/**
 * The user removes their own attributes: AdminDeleteUserAttributes' rules (required, immutable and `sub` stay),
 * within what their app client may write. A removed email or phone number no longer waits for verification.
 */
export const DeleteUserAttributes =
  ({ store, clock, tokens }: Pick<Deps, 'store' | 'clock' | 'tokens'>): Operation<
    DeleteUserAttributesRequest,
    DeleteUserAttributesResponse
  > =>
  async (_ctx, { UserAttributeNames, AccessToken }) => {
    checkAttributeNames('userAttributeNames', UserAttributeNames, checkAccessToken(AccessToken!)).throwIfAny();
    const context = await authorize(tokens, AccessToken!);
    const client = await store.table(userPoolClients).get([context.pool.Id, context.clientId]);
    await store.transact(context.pool.Id, async (tx) => {
      const pool = await requirePool(store, context.pool.Id);
      const user = await lockedUser(store, tx, context);
      checkWritable(client, UserAttributeNames!);
      await tx.put(store.table(users), withoutAttributes(pool, user, UserAttributeNames!, clock.now().getTime()));
      for (const name of UserAttributeNames!.filter(isVerifiable)) await dropHeldUpdate(store, tx, user, name);
    });
    return {};
  };
