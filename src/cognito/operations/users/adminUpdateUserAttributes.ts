import type { AdminUpdateUserAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { aliasesOf } from '../../model/user.js';
import { claimAliases } from './aliases.js';
import { checkAttributes, setAttributes, withVerificationReset } from './attributes.js';
import { checkAttributeList, checkUserKey } from './checks.js';
import { updateUser } from './userRecords.js';

/**
 * Sets or replaces attributes. A changed email or phone number becomes unverified unless the same call sets its
 * `*_verified` attribute; `sub` and immutable attributes are refused; a new sign-in alias another user holds is
 * AliasExistsException.
 */
export const AdminUpdateUserAttributes =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminUpdateUserAttributesRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username, UserAttributes }) => {
    checkAttributeList('userAttributes', UserAttributes, checkUserKey(UserPoolId!, Username!)).throwIfAny();
    await updateUser(store, UserPoolId!, Username!, async (user, pool, tx) => {
      const changes = withVerificationReset(user.Attributes, checkAttributes(pool, UserAttributes!, 'update'));
      const Attributes = setAttributes(user.Attributes, changes);
      const now = clock.now().getTime();
      const updated = { ...user, Attributes, Aliases: aliasesOf(pool, Attributes), UserLastModifiedDate: now };
      await claimAliases(store, tx, pool, updated, user.Aliases, { force: false, creating: false, now });
      return updated;
    });
    return {};
  };
