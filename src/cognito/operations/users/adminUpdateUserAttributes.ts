import type { AdminUpdateUserAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser } from '../../model/user.js';
import { updateAttributes } from './attributes/attributeUpdates.js';
import { checkAttributes } from './attributes/attributes.js';
import { checkAttributeList, checkUserKey } from './checks.js';

/**
 * Sets or replaces attributes. `sub` and immutable attributes are refused; a new sign-in alias another user holds is
 * AliasExistsException. A changed email or phone number becomes unverified, or waits for its code when the pool's
 * AttributesRequireVerificationBeforeUpdate names it, unless the same call sets its `*_verified` to true
 * (users/attributes/attributeUpdates.ts). The response has no members, so the codes sent show only in the inbox.
 */
export const AdminUpdateUserAttributes =
  (deps: Pick<Deps, 'store' | 'clock' | 'inbox' | 'ids' | 'fixedCode' | 'functions' | 'log'>): Operation<
    AdminUpdateUserAttributesRequest,
    Record<string, never>
  > =>
  async (_ctx, { UserPoolId, Username, UserAttributes, ClientMetadata }) => {
    const { store, clock } = deps;
    checkAttributeList('userAttributes', UserAttributes, checkUserKey(UserPoolId!, Username!)).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      const user = await requireUser(store, pool, Username!);
      const checked = checkAttributes(pool, UserAttributes!, 'update');
      await updateAttributes(deps, tx, pool, user, checked, clock.now(), { clientMetadata: ClientMetadata });
    });
    return {};
  };
