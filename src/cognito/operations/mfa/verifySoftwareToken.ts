import type { VerifySoftwareTokenRequest, VerifySoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../deps.js';
import { EnableSoftwareTokenMFAException, SoftwareTokenMFANotFoundException } from '../../errors.js';
import { withFactor } from './mfaSettings.js';
import { changeTokenOwner, checkCredentials, type OwnerDeps } from './tokenOwner.js';
import { totpStep } from './totp.js';

/**
 * Checks a code from the app against the pending secret, which then becomes the user's authenticator. AWS's answer
 * to a wrong code is EnableSoftwareTokenMFAException "Code mismatch and fail enable Software Token MFA"
 * (aws-samples/aws-amplify-auth-starters#15). During sign-in (MFA_SETUP) the new authenticator is also turned on as
 * the user's MFA factor, so the next sign-in asks for its code (as moto does since getmoto/moto#8049, after users
 * compared it with AWS); a signed-in user turns it on with SetUserMFAPreference.
 */
export const VerifySoftwareToken =
  (deps: OwnerDeps): Operation<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse> =>
  async (_ctx, request) => {
    const { UserCode, FriendlyDeviceName } = request;
    // UserCode: six digits, pattern [0-9]+ (API reference, VerifySoftwareToken).
    checkCredentials(request).length('userCode', UserCode, 6, 6).pattern('userCode', UserCode, '[0-9]+').throwIfAny();
    const Session = await changeTokenOwner(deps, request, (user, now, duringSignIn) => {
      const pending = user.softwareToken?.pending;
      if (!pending) throw new SoftwareTokenMFANotFoundException('Software Token MFA does not exist for the user.');
      const step = totpStep(pending, UserCode!, now);
      if (step === undefined) throw new EnableSoftwareTokenMFAException('Code mismatch and fail enable Software Token MFA');
      // The code is spent: sign-in will not take it again (./totp.ts).
      const device = FriendlyDeviceName ? { friendlyDeviceName: FriendlyDeviceName } : {};
      const verified = { ...user, softwareToken: { verified: pending, lastStep: step, ...device }, UserLastModifiedDate: now.getTime() };
      return duringSignIn ? withFactor(verified, 'SOFTWARE_TOKEN_MFA', true) : verified;
    });
    return Session ? { Status: 'SUCCESS', Session } : { Status: 'SUCCESS' };
  };
