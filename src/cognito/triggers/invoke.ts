import type { LambdaConfigType } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../deps.js';
import { UnexpectedLambdaException, UserLambdaValidationException } from '../errors.js';
import { attributeMap, type UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';

// Calling a user-pool trigger: the event envelope every trigger shares (developer guide, "Customizing user pool
// workflows with Lambda triggers", common parameters) and how a failing function reaches the caller.

/** The LambdaConfig keys that name a plain function ARN. */
export type TriggerName = Exclude<
  keyof LambdaConfigType,
  'PreTokenGenerationConfig' | 'CustomSMSSender' | 'CustomEmailSender' | 'InboundFederation' | 'KMSKeyID'
>;

export type TriggerDeps = Pick<Deps, 'functions' | 'clock'>;

export interface TriggerCall<Req, Res> {
  pool: UserPoolRecord;
  trigger: TriggerName;
  triggerSource: string;
  /** The user's internal username (the sub for pools that sign in by email or phone), or what was typed. */
  userName: string;
  /** The app client of the call; `CLIENT_ID_NOT_APPLICABLE` for calls that have none. */
  clientId?: string;
  request: Req;
  /** The response as the function receives it: every field present, null until the function sets it. */
  response: Res;
}

/** Cognito waits five seconds for a trigger (developer guide, "Lambda triggers": "must respond within 5 seconds"). */
const TIMEOUT_MS = 5_000;

/** The `response` the function returned, as AWS reads it: from the returned event. */
export async function invokeTrigger<Req, Res>(deps: TriggerDeps, call: TriggerCall<Req, Res>): Promise<Partial<Res>> {
  const arn = call.pool.LambdaConfig?.[call.trigger];
  const fn = arn ? deps.functions.find(arn) : undefined;
  if (!arn || !fn) {
    throw new UnexpectedLambdaException(
      `${call.trigger} trigger ${arn ?? '(none)'} names no local function: define a function of that name in the ` +
        'template cogniform loads, or correct the pool\'s LambdaConfig.',
    );
  }
  const event = {
    version: '1',
    triggerSource: call.triggerSource,
    region: call.pool.Id.split('_')[0],
    userPoolId: call.pool.Id,
    userName: call.userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: call.clientId ?? 'CLIENT_ID_NOT_APPLICABLE' },
    request: call.request,
    response: call.response,
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UnexpectedLambdaException(`${call.trigger} trigger ${fn.name} did not answer within 5 seconds.`)),
      TIMEOUT_MS,
    );
  });
  try {
    const result = await Promise.race([fn.invoke(event), timeout]);
    const returned = (result ?? event) as { response?: Partial<Res> };
    return returned.response ?? {};
  } catch (error) {
    if (error instanceof UnexpectedLambdaException) throw error;
    // AWS's wording, e.g. "PreSignUp failed with error Invalid email domain." (reference/triggers-and-authorizers.md).
    throw new UserLambdaValidationException(`${call.trigger} failed with error ${messageOf(error)}.`);
  } finally {
    clearTimeout(timer);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `request.userAttributes`: every attribute as a string, with the status Cognito adds (`cognito:user_status`). */
export function triggerAttributes(user: UserRecord | undefined): Record<string, string> {
  if (!user) return {};
  return { ...attributeMap(user), 'cognito:user_status': user.UserStatus };
}
