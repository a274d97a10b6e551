import type { AdminDisableUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { checkUserKey } from './checks.js';
import { updateUser } from './records/userRecords.js';

/**
 * A disabled user cannot sign in; ListUsers' `status` filter then matches "Disabled". AWS API reference,
 * AdminDisableUser: "Deactivates a user and revokes all access tokens for the user", so enabling the user again
 * does not bring old tokens back.
 */
export const AdminDisableUser =
  ({ store, clock, tokens }: Pick<Deps, 'store' | 'clock' | 'tokens'>): Operation<AdminDisableUserRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    await updateUser(store, UserPoolId!, Username!, async (user, pool, tx) => {
      await tokens.signOutEverywhere(tx, pool, user);
      return { ...user, Enabled: false, UserLastModifiedDate: clock.now().getTime() };
    });
    return {};
  };
