import { fillLink, hasLinkPlaceholder } from '../codes/confirmationLink.js';
import { InvalidLambdaResponseException } from '../errors.js';
import type { UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { invokeTrigger, triggerAttributes, type TriggerDeps } from './invoke.js';

// The CustomMessage trigger (developer guide, "Custom message Lambda trigger"): before Cognito sends a code or a
// temporary password it asks the function for the text, with placeholders in place of the code and username, and
// puts the real values in the text the function returns.

/** What a message is for: the suffix of every CustomMessage_, CustomEmailSender_ and CustomSMSSender_ source. */
export type MessageSource =
  | 'SignUp'
  | 'AdminCreateUser'
  | 'ResendCode'
  | 'ForgotPassword'
  | 'UpdateUserAttribute'
  | 'VerifyUserAttribute'
  | 'Authentication';

/** Who asked for a message to be sent: what the triggers of the message see besides the user. */
export interface MessageContext {
  pool: UserPoolRecord;
  source: MessageSource;
  /** The app client of the call; absent for admin calls (CLIENT_ID_NOT_APPLICABLE). */
  clientId?: string | undefined;
  clientMetadata?: Record<string, string> | undefined;
}

export type Medium = 'EMAIL' | 'SMS';

/**
 * The text delivered: the function's, with the code (and username) in place of the placeholders. A part left out is
 * Cognito's default.
 */
export interface ComposedMessage {
  message?: string;
  subject?: string;
}

// The placeholders AWS sends: `{####}` for the code and `{username}` for AdminCreateUser (developer guide: "These
// values are typically {username} and {####}"); `{##Click Here##}` for the link, the placeholder of the pool's
// link-style verification message (VerificationMessageTemplate, EmailMessageByLink).
const CODE = '{####}';
const USERNAME = '{username}';
const LINK = '{##Click Here##}';

/**
 * Asks CustomMessage, when the pool has it, for the message to `medium`. A body that lacks a placeholder it must
 * carry (the code; for AdminCreateUser also the username: "the response from your function must include
 * placeholder variables for the username and code") is not used, and Cognito's default message goes out instead:
 * the behaviour users of real pools report (e.g. the Stack Overflow question "How to send a custom message for
 * CustomMessage_AdminCreateUser trigger", 56865198, where the subject changed but a body without the placeholders
 * was replaced by the default). Answers `undefined` for the default message.
 */
export async function customMessage(
  deps: TriggerDeps,
  context: MessageContext,
  user: UserRecord,
  medium: Medium,
  code: string,
  /** CONFIRM_WITH_LINK's link (../codes/confirmationLink.ts): a body may carry the link placeholder instead of the code. */
  link?: string,
): Promise<ComposedMessage | undefined> {
  if (!context.pool.LambdaConfig?.CustomMessage) return undefined;
  const admin = context.source === 'AdminCreateUser';
  const response = await invokeTrigger(deps, {
    pool: context.pool,
    trigger: 'CustomMessage',
    triggerSource: `CustomMessage_${context.source}`,
    userName: user.Username,
    clientId: context.clientId,
    request: {
      userAttributes: triggerAttributes(user),
      codeParameter: CODE,
      linkParameter: LINK,
      usernameParameter: admin ? USERNAME : null,
      ...(context.clientMetadata ? { clientMetadata: context.clientMetadata } : {}),
    },
    response: { smsMessage: null as string | null, emailMessage: null as string | null, emailSubject: null as string | null },
  });
  const field = medium === 'EMAIL' ? 'emailMessage' : 'smsMessage';
  const body = text(response[field], field);
  const subject = medium === 'EMAIL' ? text(response.emailSubject, 'emailSubject') : undefined;
  const placeholder = body !== undefined && (body.includes(CODE) || (link !== undefined && hasLinkPlaceholder(body)));
  const usable = placeholder && (!admin || body!.includes(USERNAME));
  if (!usable && subject === undefined) return undefined;
  const filled = (s: string) => s.replaceAll(CODE, code).replaceAll(USERNAME, user.Username);
  const fill = (s: string) => (link !== undefined ? fillLink(filled(s), link) : filled(s));
  return {
    ...(usable ? { message: fill(body) } : {}),
    ...(subject !== undefined ? { subject: fill(subject) } : {}),
  };
}

/** A text the function set: a string, or left null. */
function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new InvalidLambdaResponseException(`Unrecognizable lambda output: CustomMessage set ${field} to a ${typeof value}.`);
  }
  return value;
}
