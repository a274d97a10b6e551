import type { AttributeType, DeliveryMediumType, MessageActionType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidLambdaResponseException } from '../errors.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { invokeTrigger, type TriggerDeps } from './invoke.js';

// UserMigration (developer guide, "Migrate user Lambda trigger", and "Importing users with a user migration Lambda
// trigger"): called when a user signs in with a password, or asks for a password reset, under a name the pool does
// not know. The function looks the name up in the old directory and answers the attributes of the user to create.

export interface MigrationCall {
  pool: UserPoolRecord;
  clientId: string;
  /** The name typed: the event's top-level `userName` ("The username that the user enters at sign-in"). */
  username: string;
  /** The password typed; absent from UserMigration_ForgotPassword ("doesn't send this value ... forgot-password"). */
  password?: string | undefined;
  /** The request's ClientMetadata: InitiateAuth's and ForgotPassword's both reach this trigger (SDK reference). */
  clientMetadata?: Record<string, string> | undefined;
}

/** What the function answered, checked: the user to create. */
export interface Migration {
  attributes: AttributeType[];
  /** RESET_REQUIRED makes the user reset their password before signing in; otherwise CONFIRMED. */
  finalUserStatus: 'CONFIRMED' | 'RESET_REQUIRED';
  messageAction: MessageActionType | null;
  desiredDeliveryMediums: DeliveryMediumType[];
  /** Take a verified email or phone number from the user who has it as an alias (as AdminCreateUser does). */
  forceAliasCreation: boolean;
  /** Turn SMS MFA on for the new user. */
  enableSMSMFA: boolean;
}

/**
 * Calls UserMigration; undefined when the pool has none (the caller then answers the unknown user as usual). The
 * request carries `validationData: null` and `userAttributes: null` as a real UserMigration_Authentication event
 * does (quoted in twg-hsato/sso-sample's README: InitiateAuth has no ValidationData to pass on); the response is
 * pre-filled with nulls (the documented response fields, as powertools' schema example shows them).
 */
export async function userMigration(
  deps: TriggerDeps,
  call: MigrationCall,
  source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword',
): Promise<Migration | undefined> {
  if (!call.pool.LambdaConfig?.UserMigration) return undefined;
  const response = await invokeTrigger(deps, {
    pool: call.pool,
    trigger: 'UserMigration',
    triggerSource: source,
    userName: call.username,
    clientId: call.clientId,
    request: {
      ...(source === 'UserMigration_Authentication' ? { password: call.password } : {}),
      validationData: null,
      userAttributes: null,
      ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}),
    },
    response: {
      userAttributes: null as Record<string, unknown> | null,
      finalUserStatus: null as string | null,
      messageAction: null as string | null,
      desiredDeliveryMediums: null as string[] | null,
      forceAliasCreation: null as boolean | null,
      enableSMSMFA: null as boolean | null,
    },
  });
  return {
    attributes: attributesOf(response.userAttributes),
    finalUserStatus: oneOf(response.finalUserStatus, 'finalUserStatus', ['CONFIRMED', 'RESET_REQUIRED']) ?? 'CONFIRMED',
    messageAction: oneOf(response.messageAction, 'messageAction', ['SUPPRESS', 'RESEND']),
    desiredDeliveryMediums: mediums(response.desiredDeliveryMediums),
    forceAliasCreation: flag(response.forceAliasCreation, 'forceAliasCreation'),
    enableSMSMFA: flag(response.enableSMSMFA, 'enableSMSMFA'),
  };
}

// The wording of the refusals below is cogniform's: AWS documents only that a response it cannot use is
// InvalidLambdaResponseException.
const invalid = (detail: string) => new InvalidLambdaResponseException(`UserMigration returned ${detail}.`);

/** "userAttributes: This field is required": a map of attribute names to string values. */
function attributesOf(value: unknown): AttributeType[] {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid('no userAttributes: the user to create needs at least one attribute');
  }
  const entries = Object.entries(value);
  if (!entries.length) throw invalid('empty userAttributes: the user to create needs at least one attribute');
  const notString = entries.find(([, v]) => typeof v !== 'string');
  if (notString) throw invalid(`userAttributes.${notString[0]} that is not a string`);
  return entries.map(([Name, Value]) => ({ Name, Value: Value as string }));
}

function oneOf<T extends string>(value: unknown, field: string, allowed: T[]): T | null {
  if (value === null || value === undefined) return null;
  if (!allowed.includes(value as T)) throw invalid(`${field} ${JSON.stringify(value)}, not one of ${allowed.join(', ')}`);
  return value as T;
}

function mediums(value: unknown): DeliveryMediumType[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('desiredDeliveryMediums that is not a list');
  return value.flatMap((medium) => oneOf<DeliveryMediumType>(medium, 'desiredDeliveryMediums', ['SMS', 'EMAIL']) ?? []);
}

function flag(value: unknown, field: string): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'boolean') throw invalid(`${field} that is not a boolean`);
  return value;
}
