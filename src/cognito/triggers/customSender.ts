import type { Deps } from '../deps.js';
import type { UserRecord } from '../model/user.js';
import type { MessageContext, Medium } from './customMessage.js';
import { invokeTrigger, triggerAttributes, type SenderName } from './invoke.js';
import { encryptCode } from './localKms.js';

// CustomEmailSender and CustomSMSSender (developer guide, "Custom email sender Lambda trigger", "Custom SMS sender
// Lambda trigger"): with one configured, Cognito sends nothing itself for that medium; it hands the function the
// code, encrypted with the pool's KMS key, and does not wait for it ("invoked asynchronously").

const NAMES: Record<Medium, SenderName> = { EMAIL: 'CustomEmailSender', SMS: 'CustomSMSSender' };
const TYPES: Record<Medium, string> = { EMAIL: 'customEmailSenderRequestV1', SMS: 'customSMSSenderRequestV1' };

/** The sender's function, when the pool routes `medium` through one (LambdaConfig `{LambdaVersion, LambdaArn}`). */
export function senderArn(context: MessageContext, medium: Medium): string | undefined {
  return context.pool.LambdaConfig?.[NAMES[medium]]?.LambdaArn;
}

/**
 * Hands the code to the sender without waiting: the caller's call has already answered. A failing or missing
 * function cannot fail that call, so it is logged. Request fields per the developer guide: `type`, `code`
 * (encrypted, base64), `userAttributes`, `clientMetadata`; the response carries nothing.
 */
export function sendThroughSender(
  deps: Pick<Deps, 'functions' | 'clock' | 'log'>,
  context: MessageContext,
  user: UserRecord,
  medium: Medium,
  code: string,
): Promise<void> {
  const trigger = NAMES[medium];
  return invokeTrigger(deps, {
    pool: context.pool,
    trigger,
    arn: senderArn(context, medium),
    triggerSource: `${trigger}_${context.source}`,
    userName: user.Username,
    clientId: context.clientId,
    request: {
      type: TYPES[medium],
      code: encryptCode(code, context.pool.LambdaConfig?.KMSKeyID),
      userAttributes: triggerAttributes(user),
      ...(context.clientMetadata ? { clientMetadata: context.clientMetadata } : {}),
    },
    response: {},
  }).then(
    () => undefined,
    (error: unknown) => deps.log.error(`${trigger} for ${user.Username} in ${context.pool.Id} failed`, error),
  );
}
