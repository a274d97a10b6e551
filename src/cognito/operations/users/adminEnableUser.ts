import type { AdminEnableUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { checkUserKey } from './checks.js';
import { updateUser } from './records/userRecords.js';

export const AdminEnableUser =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminEnableUserRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    await updateUser(store, UserPoolId!, Username!, (user) => ({ ...user, Enabled: true, UserLastModifiedDate: clock.now().getTime() }));
    return {};
  };
