import type { AdminDeleteUserAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { withoutAttributes } from './attributes/attributes.js';
import { checkAttributeNames, checkUserKey } from './checks.js';
import { updateUser } from './records/userRecords.js';

/** Removes attributes (see withoutAttributes for what may be removed). */
export const AdminDeleteUserAttributes =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminDeleteUserAttributesRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username, UserAttributeNames }) => {
    checkAttributeNames('userAttributeNames', UserAttributeNames, checkUserKey(UserPoolId!, Username!)).throwIfAny();
    await updateUser(store, UserPoolId!, Username!, (user, pool) =>
      withoutAttributes(pool, user, UserAttributeNames!, clock.now().getTime()),
    );
    return {};
  };
