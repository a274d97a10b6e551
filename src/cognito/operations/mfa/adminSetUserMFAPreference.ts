import type {
  AdminSetUserMFAPreferenceRequest,
  AdminSetUserMFAPreferenceResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { checkUserKey } from '../users/checks.js';
import { updateUser } from '../users/records/userRecords.js';
import { applyMfaSettings } from './mfaSettings.js';

/** SetUserMFAPreference for any user of the pool, named by username, alias or sub. */
export const AdminSetUserMFAPreference =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<
    AdminSetUserMFAPreferenceRequest,
    AdminSetUserMFAPreferenceResponse
  > =>
  async (_ctx, request) => {
    checkUserKey(request.UserPoolId!, request.Username!).throwIfAny();
    await updateUser(store, request.UserPoolId!, request.Username!, (user) => ({
      ...applyMfaSettings(user, request),
      UserLastModifiedDate: clock.now().getTime(),
    }));
    return {};
  };
