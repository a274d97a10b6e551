import type { AdminGetUserRequest, AdminGetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser } from '../../model/user.js';
import { checkUserKey } from './checks.js';

/**
 * `Username` may be the username, a sign-in alias or the sub. MFA members appear only once the user has MFA
 * settings, as AWS leaves them out for users without.
 */
export const AdminGetUser =
  ({ store }: Pick<Deps, 'store'>): Operation<AdminGetUserRequest, AdminGetUserResponse> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    const pool = await requirePool(store, UserPoolId!);
    const user = await requireUser(store, pool, Username!);
    return {
      Username: user.Username,
      UserAttributes: user.Attributes,
      UserCreateDate: new Date(user.UserCreateDate),
      UserLastModifiedDate: new Date(user.UserLastModifiedDate),
      Enabled: user.Enabled,
      UserStatus: user.UserStatus,
      ...(user.MFAOptions ? { MFAOptions: user.MFAOptions } : {}),
      ...(user.PreferredMfaSetting ? { PreferredMfaSetting: user.PreferredMfaSetting } : {}),
      ...(user.UserMFASettingList ? { UserMFASettingList: user.UserMFASettingList } : {}),
    };
  };
