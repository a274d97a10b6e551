import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { authorize, checkAccessToken } from './accessToken.js';

/**
 * The signed-in user's own profile: AdminGetUser's answer without status, dates or Enabled (GetUser reference).
 * MFA members appear only once the user has MFA settings, as for AdminGetUser.
 */
export const GetUser =
  ({ tokens }: Pick<Deps, 'tokens'>): Operation<GetUserRequest, GetUserResponse> =>
  async (_ctx, { AccessToken }) => {
    checkAccessToken(AccessToken!).throwIfAny();
    const { user } = await authorize(tokens, AccessToken!);
    return {
      Username: user.Username,
      UserAttributes: user.Attributes,
      ...(user.MFAOptions ? { MFAOptions: user.MFAOptions } : {}),
      ...(user.PreferredMfaSetting ? { PreferredMfaSetting: user.PreferredMfaSetting } : {}),
      ...(user.UserMFASettingList ? { UserMFASettingList: user.UserMFASettingList } : {}),
    };
  };
