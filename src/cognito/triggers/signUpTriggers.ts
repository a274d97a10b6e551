import { InvalidLambdaResponseException } from '../errors.js';
import { attributeMap, type UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { invokeTrigger, triggerAttributes, type TriggerDeps } from './invoke.js';

// PreSignUp and PostConfirmation (developer guide, "Pre sign-up Lambda trigger" and "Post confirmation Lambda
// trigger"): the first may refuse a new user or confirm and verify them; the second hears of every confirmation.

export type Metadata = Record<string, string> | undefined;

export interface PreSignUpCall {
  pool: UserPoolRecord;
  /** The user about to be stored: nothing is written before the function answers. */
  user: UserRecord;
  source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser';
  clientId?: string | undefined;
  /** SignUp's ValidationData (AdminCreateUser's too); `null` when none was given, as AWS sends it. */
  validationData: Record<string, string> | undefined;
  clientMetadata: Metadata;
}

export interface PreSignUpDecision {
  autoConfirmUser: boolean;
  autoVerifyEmail: boolean;
  autoVerifyPhone: boolean;
}

const NO_DECISION: PreSignUpDecision = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };

/**
 * Calls PreSignUp when the pool has it. Real events (quoted in localstack/localstack#2964, #9349, #10739) carry only
 * the attributes given, without `sub` or `cognito:user_status` (the user does not exist yet), `validationData: null`
 * when none was given, and the response pre-filled with `false`.
 */
export async function preSignUp(deps: TriggerDeps, call: PreSignUpCall): Promise<PreSignUpDecision> {
  if (!call.pool.LambdaConfig?.PreSignUp) return NO_DECISION;
  const { sub: _sub, ...given } = attributeMap(call.user);
  const response = await invokeTrigger(deps, {
    pool: call.pool,
    trigger: 'PreSignUp',
    triggerSource: call.source,
    userName: call.user.Username,
    clientId: call.clientId,
    request: {
      userAttributes: given,
      validationData: call.validationData ?? null,
      ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}),
    },
    response: { ...NO_DECISION },
  });
  return {
    autoConfirmUser: flag(response.autoConfirmUser, 'autoConfirmUser'),
    autoVerifyEmail: flag(response.autoVerifyEmail, 'autoVerifyEmail'),
    autoVerifyPhone: flag(response.autoVerifyPhone, 'autoVerifyPhone'),
  };
}

/** The flags are booleans; a function that sets one to anything else gave a response Cognito cannot read. */
function flag(value: unknown, name: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') {
    throw new InvalidLambdaResponseException(`Unrecognizable lambda output: PreSignUp set ${name} to ${JSON.stringify(value)}.`);
  }
  return value;
}

export interface PostConfirmationCall {
  pool: UserPoolRecord;
  /** The user as stored after the confirmation. */
  user: UserRecord;
  source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword';
  clientId?: string | undefined;
  clientMetadata: Metadata;
}

/**
 * Calls PostConfirmation when the pool has it, after the confirmation is stored: "Amazon Cognito invokes this
 * trigger after a signed-up user confirms their user account". Its error fails the call but does not undo the
 * confirmation: the user stays CONFIRMED (AWS's behaviour as recalled, not confirmed from a public source; it
 * also follows from the trigger running after the fact). The response carries nothing.
 */
export async function postConfirmation(deps: TriggerDeps, call: PostConfirmationCall): Promise<void> {
  if (!call.pool.LambdaConfig?.PostConfirmation) return;
  await invokeTrigger(deps, {
    pool: call.pool,
    trigger: 'PostConfirmation',
    triggerSource: call.source,
    userName: call.user.Username,
    clientId: call.clientId,
    request: {
      userAttributes: triggerAttributes(call.user),
      ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}),
    },
    response: {},
  });
}
