import type { AdminUpdateUserAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { applyAttributeChanges } from './attributes/attributeUpdates.js';
import { checkAttributes } from './attributes/attributes.js';
import { checkAttributeList, checkUserKey } from './checks.js';
import { updateUser } from './records/userRecords.js';

/**
 * Sets or replaces attributes. A changed email or phone number becomes unverified unless the same call sets its
 * `*_verified` attribute; `sub` and immutable attributes are refused; a new sign-in alias another user holds is
 * AliasExistsException.
 */
export const AdminUpdateUserAttributes =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminUpdateUserAttributesRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username, UserAttributes }) => {
    checkAttributeList('userAttributes', UserAttributes, checkUserKey(UserPoolId!, Username!)).throwIfAny();
    await updateUser(store, UserPoolId!, Username!, (user, pool, tx) =>
      applyAttributeChanges(store, tx, pool, user, checkAttributes(pool, UserAttributes!, 'update'), clock.now().getTime()),
    );
    return {};
  };
