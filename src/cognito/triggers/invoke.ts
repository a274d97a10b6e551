import type { LambdaConfigType } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../deps.js';
import { UnexpectedLambdaException, UserLambdaValidationException } from '../errors.js';
import { attributeMap, type UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { messageOf } from '../../errorMessage.js';

// Calling a user-pool trigger: the event envelope every trigger shares (developer guide, "Customizing user pool
// workflows with Lambda triggers", common parameters) and how a failing function reaches the caller.

/** The LambdaConfig keys that name a plain function ARN. */
export type TriggerName = Exclude<
  keyof LambdaConfigType,
  'PreTokenGenerationConfig' | 'CustomSMSSender' | 'CustomEmailSender' | 'InboundFederation' | 'KMSKeyID'
>;

export type TriggerDeps = Pick<Deps, 'functions' | 'clock' | 'triggerTimeoutMs'>;

/** The custom sender triggers: configured as `{LambdaVersion, LambdaArn}` rather than a plain ARN. */
export type SenderName = 'CustomEmailSender' | 'CustomSMSSender';

export interface TriggerCall<Req, Res> {
  pool: UserPoolRecord;
  trigger: TriggerName | SenderName;
  /** The function's ARN when LambdaConfig does not hold it as a plain string (the custom senders). */
  arn?: string | undefined;
  /** The event's `version`: "1" for every trigger but PreTokenGeneration V2_0 ("2") and V3_0 ("3"). */
  version?: string;
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
  // The senders' callers always pass `arn`: their LambdaConfig entry is an object.
  const arn = call.arn ?? (call.pool.LambdaConfig?.[call.trigger as TriggerName] as string | undefined);
  const fn = arn ? deps.functions.find(arn) : undefined;
  if (!arn || !fn) {
    throw new UnexpectedLambdaException(
      `${call.trigger} trigger ${arn ?? '(none)'} names no local function: define a function of that name in the ` +
        'template cogniform loads, or correct the pool\'s LambdaConfig.',
    );
  }
  const event = {
    version: call.version ?? '1',
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
      // AWS's answer to a function that does not return in time, e.g. "PreSignUp invocation failed due to error
      // Socket timeout while invoking Lambda function." (anomalyco/sst#1815, furaiev/amazon-cognito-identity-dart-2#204).
      () =>
        reject(
          new UnexpectedLambdaException(
            `${call.trigger} invocation failed due to error Socket timeout while invoking Lambda function.`,
          ),
        ),
      deps.triggerTimeoutMs ?? TIMEOUT_MS,
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


/** `request.userAttributes`: every attribute as a string, with the status Cognito adds (`cognito:user_status`). */
export function triggerAttributes(user: UserRecord | undefined): Record<string, string> {
  if (!user) return {};
  return { ...attributeMap(user), 'cognito:user_status': user.UserStatus };
}
