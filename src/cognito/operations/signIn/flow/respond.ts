import { Constraints } from '../../../constraints.js';
import { InvalidParameterException } from '../../../errors.js';
import { answerCustomChallenge } from '../challenges/customChallenge.js';
import { answerNewPassword } from '../challenges/newPassword.js';
import type { AuthResponse, SignInDeps } from './outcome.js';
import type { SignInClient } from './signInClient.js';
import { answerSelectMfaType } from '../challenges/mfaChallenge.js';
import { answerCodeMfa } from '../challenges/smsMfa.js';
import { answerMfaSetup, answerSoftwareTokenMfa } from '../challenges/softwareTokenMfa.js';
import { answerPasswordVerifier } from '../challenges/srpAuth.js';

// The answer to a challenge, shared by RespondToAuthChallenge and AdminRespondToAuthChallenge.

const CHALLENGE_NAMES = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED',
  'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP',
];

export async function respondToChallenge(
  deps: SignInDeps,
  target: SignInClient,
  challengeName: string,
  session: string | undefined,
  responses: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  new Constraints().oneOf('challengeName', challengeName, CHALLENGE_NAMES).throwIfAny();
  switch (challengeName) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(deps, target, session, responses, clientMetadata);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(deps, target.pool, target.client, session, responses, clientMetadata);
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return answerCodeMfa(deps, target, challengeName, session, responses, clientMetadata);
    case 'SOFTWARE_TOKEN_MFA':
      return answerSoftwareTokenMfa(deps, target, session, responses, clientMetadata);
    case 'SELECT_MFA_TYPE':
      return answerSelectMfaType(deps, target, session, responses);
    case 'MFA_SETUP':
      return answerMfaSetup(deps, target, session, responses, clientMetadata);
    case 'CUSTOM_CHALLENGE':
      return answerCustomChallenge(deps, target, session, responses, clientMetadata);
    default:
      // cogniform never issues the other challenges yet, so no session can be waiting for an answer to one.
      throw new InvalidParameterException(`Invalid challenge name ${challengeName}: no such challenge is pending.`);
  }
}
