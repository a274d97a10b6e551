import type { AdminDeleteUserAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { aliasesOf } from '../../model/user.js';
import { cannotUpdate, checkNotRequired, schemaOf } from './attributes.js';
import { checkAttributeNames, checkUserKey } from './checks.js';
import { updateUser } from './userRecords.js';

/**
 * Removes attributes. Required, immutable attributes and `sub` cannot be removed. Removing an email or phone number
 * removes whether it was verified too, and with it the sign-in alias. Names the user has no value for are ignored.
 */
const CONTACT = ['email', 'phone_number'];

export const AdminDeleteUserAttributes =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminDeleteUserAttributesRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username, UserAttributeNames }) => {
    checkAttributeNames('userAttributeNames', UserAttributeNames, checkUserKey(UserPoolId!, Username!)).throwIfAny();
    await updateUser(store, UserPoolId!, Username!, (user, pool) => {
      const schemas = schemaOf(pool, UserAttributeNames!);
      const immutable = schemas.find((s) => s.Name === 'sub' || s.Mutable === false);
      if (immutable) throw cannotUpdate(immutable.Name!);
      checkNotRequired(schemas);
      const removed = new Set(UserAttributeNames!.flatMap((name) => [name, ...(CONTACT.includes(name) ? [`${name}_verified`] : [])]));
      const Attributes = user.Attributes.filter((a) => !removed.has(a.Name!));
      return { ...user, Attributes, Aliases: aliasesOf(pool, Attributes), UserLastModifiedDate: clock.now().getTime() };
    });
    return {};
  };
