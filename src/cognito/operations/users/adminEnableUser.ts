import type { AdminEnableUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { checkUserKey } from './checks.js';
import { setEnabled } from './userRecords.js';

export const AdminEnableUser =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminEnableUserRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    await setEnabled(store, clock.now(), UserPoolId!, Username!, true);
    return {};
  };
