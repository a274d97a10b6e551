import type { AdminDisableUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { checkUserKey } from './checks.js';
import { setEnabled } from './userRecords.js';

/** A disabled user cannot sign in; ListUsers' `status` filter then matches "Disabled". */
export const AdminDisableUser =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminDisableUserRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    await setEnabled(store, clock.now(), UserPoolId!, Username!, false);
    return {};
  };
