import { InvalidLambdaResponseException } from '../errors.js';
import type { UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { invokeTrigger, triggerAttributes, type TriggerDeps } from './invoke.js';

// The three custom-authentication triggers (developer guide, "Custom authentication challenge Lambda triggers":
// define, create and verify auth challenge), each called with its request and its response read back.

/** One step of the sign-in so far, as DefineAuthChallenge and CreateAuthChallenge see it in `request.session`. */
export interface ChallengeResult {
  challengeName: 'SRP_A' | 'PASSWORD_VERIFIER' | 'CUSTOM_CHALLENGE';
  challengeResult: boolean;
  /** The name CreateAuthChallenge gave a custom challenge; null for the others. */
  challengeMetadata: string | null;
}

/** Who is signing in: the user, or (behind PreventUserExistenceErrors) a name that matches nobody. */
export interface ChallengeSubject {
  pool: UserPoolRecord;
  clientId: string;
  user: UserRecord | undefined;
  /** The name typed, for an unknown user. */
  username: string;
  /** Whether the client hides which users exist: only then does the request carry `userNotFound`. */
  hidesUsers: boolean;
  clientMetadata?: Record<string, string> | undefined;
}

export type NextStep =
  | { issueTokens: true }
  | { failAuthentication: true }
  | { challengeName: 'PASSWORD_VERIFIER' | 'CUSTOM_CHALLENGE' };

function common(subject: ChallengeSubject) {
  return {
    userAttributes: triggerAttributes(subject.user),
    ...(subject.hidesUsers ? { userNotFound: !subject.user } : {}),
    ...(subject.clientMetadata ? { clientMetadata: subject.clientMetadata } : {}),
  };
}

const call = (subject: ChallengeSubject) => ({
  pool: subject.pool,
  clientId: subject.clientId,
  userName: subject.user?.Username ?? subject.username,
});

/** DefineAuthChallenge: what comes after `session`. */
export async function defineAuthChallenge(
  deps: TriggerDeps,
  subject: ChallengeSubject,
  session: ChallengeResult[],
): Promise<NextStep> {
  const response = await invokeTrigger(deps, {
    ...call(subject),
    trigger: 'DefineAuthChallenge',
    triggerSource: 'DefineAuthChallenge_Authentication',
    request: { ...common(subject), session },
    response: { challengeName: null as string | null, issueTokens: null as boolean | null, failAuthentication: null as boolean | null },
  });
  if (response.failAuthentication === true) return { failAuthentication: true };
  if (response.issueTokens === true) return { issueTokens: true };
  const name = response.challengeName;
  if (name === 'CUSTOM_CHALLENGE' || name === 'PASSWORD_VERIFIER') return { challengeName: name };
  // The wording is cogniform's: AWS documents only that a response it cannot use is InvalidLambdaResponseException.
  throw new InvalidLambdaResponseException(
    `DefineAuthChallenge must set issueTokens, failAuthentication, or challengeName to CUSTOM_CHALLENGE or ` +
      `PASSWORD_VERIFIER; it returned ${JSON.stringify(response)}.`,
  );
}

export interface CreatedChallenge {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string | null;
}

/** CreateAuthChallenge: the parameters of the next CUSTOM_CHALLENGE. */
export async function createAuthChallenge(
  deps: TriggerDeps,
  subject: ChallengeSubject,
  session: ChallengeResult[],
): Promise<CreatedChallenge> {
  const response = await invokeTrigger(deps, {
    ...call(subject),
    trigger: 'CreateAuthChallenge',
    triggerSource: 'CreateAuthChallenge_Authentication',
    request: { ...common(subject), challengeName: 'CUSTOM_CHALLENGE', session },
    response: {
      publicChallengeParameters: null as Record<string, string> | null,
      privateChallengeParameters: null as Record<string, string> | null,
      challengeMetadata: null as string | null,
    },
  });
  return {
    publicChallengeParameters: stringMap(response.publicChallengeParameters, 'publicChallengeParameters'),
    privateChallengeParameters: stringMap(response.privateChallengeParameters, 'privateChallengeParameters'),
    challengeMetadata: typeof response.challengeMetadata === 'string' ? response.challengeMetadata : null,
  };
}

/** VerifyAuthChallengeResponse: whether `answer` is right. */
export async function verifyAuthChallengeResponse(
  deps: TriggerDeps,
  subject: ChallengeSubject,
  privateChallengeParameters: Record<string, string>,
  answer: string,
): Promise<boolean> {
  const response = await invokeTrigger(deps, {
    ...call(subject),
    trigger: 'VerifyAuthChallengeResponse',
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    request: { ...common(subject), privateChallengeParameters, challengeAnswer: answer },
    response: { answerCorrect: null as boolean | null },
  });
  return response.answerCorrect === true;
}

/** Challenge parameters travel as strings (ChallengeParametersType is a string map). */
function stringMap(value: unknown, field: string): Record<string, string> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new InvalidLambdaResponseException(`CreateAuthChallenge returned ${field} that is not a map of strings.`);
  }
  return value as Record<string, string>;
}
