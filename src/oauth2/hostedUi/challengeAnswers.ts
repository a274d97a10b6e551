import type { UserRecord } from '../../cognito/model/user.js';
import type { UserPoolRecord } from '../../cognito/model/userPool.js';
import { missingRequired as missingOf, setNewPassword } from '../../cognito/operations/signIn/challenges/newPassword.js';
import { checkCodeMfa, CODE_PARAMETER, type CodeFactor } from '../../cognito/operations/signIn/challenges/smsMfa.js';
import { checkSoftwareTokenMfa } from '../../cognito/operations/signIn/challenges/softwareTokenMfa.js';
import type { SignInDeps } from '../../cognito/operations/signIn/flow/outcome.js';
import type { SignInClient } from '../../cognito/operations/signIn/flow/signInClient.js';
import { clientProof } from './hostedRequest.js';

// The hosted UI's challenge steps, checked exactly as RespondToAuthChallenge checks their answers (the check half of
// src/cognito/operations/signIn/challenges/*): the page's fields become the ChallengeResponses an API client sends.
// The hosted UI then ends in completeAuthorization rather than the API's tokens.

/** The user and the sign-in's auth_time, once the answer is right and the session spent. */
export interface Answered {
  user: UserRecord;
  authTime: number;
}

/**
 * USERNAME and SECRET_HASH as an API client sends them: the hosted UI is the client's own server side, so it proves
 * the secret itself.
 */
export function responsesFor(target: Pick<SignInClient, 'client'>, username: string, extra: Record<string, string>): Record<string, string> {
  const { SecretHash } = clientProof(target.client, username);
  return { USERNAME: username, ...(SecretHash ? { SECRET_HASH: SecretHash } : {}), ...extra };
}

/** SMS_MFA / EMAIL_OTP. */
export function answerCode(deps: SignInDeps, target: SignInClient, factor: CodeFactor, sessionId: string, username: string, code: string): Promise<Answered> {
  return checkCodeMfa(deps, target, factor, sessionId, responsesFor(target, username, { [CODE_PARAMETER[factor]]: code }));
}

/** SOFTWARE_TOKEN_MFA. */
export function answerTotp(deps: SignInDeps, target: SignInClient, sessionId: string, username: string, code: string): Promise<Answered> {
  return checkSoftwareTokenMfa(deps, target, sessionId, responsesFor(target, username, { SOFTWARE_TOKEN_MFA_CODE: code }));
}

/** Required attributes (sub aside) the user has no value for, by schema name. */
export const missingRequired = (pool: UserPoolRecord, user: Pick<UserRecord, 'Attributes'>): string[] => missingOf(pool, user.Attributes);

/** NEW_PASSWORD_REQUIRED, with the required attributes as `userAttributes.<name>`. */
export function answerNewPassword(
  deps: SignInDeps,
  target: SignInClient,
  sessionId: string,
  username: string,
  password: string,
  attributes: Record<string, string>,
): Promise<Answered> {
  const given = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`userAttributes.${name}`, value]));
  return setNewPassword(deps, target.pool, target.client, sessionId, responsesFor(target, username, { NEW_PASSWORD: password, ...given }));
}
