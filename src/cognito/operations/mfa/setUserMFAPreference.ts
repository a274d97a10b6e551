import type { SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { users } from '../../model/user.js';
import { authorize, checkAccessToken, lockedUser } from '../profile/accessToken.js';
import { applyMfaSettings } from './mfaSettings.js';

/** The signed-in user's own MFA factors and preference; answers an empty object. */
export const SetUserMFAPreference =
  ({ store, tokens, clock }: Pick<Deps, 'store' | 'tokens' | 'clock'>): Operation<
    SetUserMFAPreferenceRequest,
    SetUserMFAPreferenceResponse
  > =>
  async (_ctx, request) => {
    checkAccessToken(request.AccessToken!).throwIfAny();
    const context = await authorize(tokens, request.AccessToken!);
    await store.transact(context.pool.Id, async (tx) => {
      const user = await lockedUser(store, tx, context);
      await tx.put(store.table(users), { ...applyMfaSettings(user, request), UserLastModifiedDate: clock.now().getTime() });
    });
    return {};
  };
