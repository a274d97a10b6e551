import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Transaction } from '../../store/store.js';
import type { Deps } from '../deps.js';
import { attributeValue, type UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { customMessage, type MessageContext } from '../triggers/customMessage.js';
import { senderArn, sendThroughSender } from '../triggers/customSender.js';
import { confirmationUrl, linkMessage, sendsLink } from './confirmationLink.js';
import type { CodeKind } from './inbox.js';
import { newCode, storeCode, type CodePurpose } from './pendingCodes.js';

// Where a code goes (an email address or a phone number), how AWS shows that place in CodeDeliveryDetails, and
// "sending" it: a pending code plus an inbox entry, in the caller's transaction.

export type ContactAttribute = 'email' | 'phone_number';

export interface Delivery {
  attribute: ContactAttribute;
  /** The unmasked address or number. */
  destination: string;
}

/**
 * AWS shows the first character of the address and of its domain: "a***@e***" (the shape of the answers quoted in
 * public tests and docs, e.g. kumolo's and a Cypress mock of a real SignUp answer, "s***@m***"), and phone numbers
 * with only their last four digits: "+********1234" (aws-amplify/amplify-js#2341).
 */
export function maskDestination({ attribute, destination }: Delivery): string {
  if (attribute === 'phone_number') return `+${'*'.repeat(Math.max(destination.length - 5, 0))}${destination.slice(-4)}`;
  const at = destination.lastIndexOf('@');
  return `${destination.charAt(0)}***@${destination.charAt(at + 1)}***`;
}

export function codeDeliveryDetails(delivery: Delivery): CodeDeliveryDetailsType {
  return {
    Destination: maskDestination(delivery),
    DeliveryMedium: delivery.attribute === 'email' ? 'EMAIL' : 'SMS',
    AttributeName: delivery.attribute,
  };
}

function contact(user: UserRecord, attribute: ContactAttribute, verifiedOnly: boolean): Delivery | undefined {
  const destination = attributeValue(user, attribute);
  if (!destination) return undefined;
  if (verifiedOnly && attributeValue(user, `${attribute}_verified`) !== 'true') return undefined;
  return { attribute, destination };
}

/**
 * Where a sign-up confirmation code goes: an attribute the pool verifies automatically. With both, only the phone
 * number is verified (AWS CDK's AutoVerifiedAttrs, citing the developer guide: "If both email and phone is set,
 * Cognito only verifies the phone number").
 */
export function signUpDelivery(pool: UserPoolRecord, user: UserRecord): Delivery | undefined {
  const auto = pool.AutoVerifiedAttributes ?? [];
  return (
    (auto.includes('phone_number') ? contact(user, 'phone_number', false) : undefined) ??
    (auto.includes('email') ? contact(user, 'email', false) : undefined)
  );
}

/**
 * Where a password-reset code goes: the first verified contact in the pool's AccountRecoverySetting priority order;
 * none with admin_only. Without a setting, the legacy order: a verified phone number, else a verified email
 * (developer guide, "Recovering user accounts").
 */
export function recoveryDelivery(pool: UserPoolRecord, user: UserRecord): Delivery | undefined {
  const mechanisms = [...(pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])].sort(
    (a, b) => (a.Priority ?? 0) - (b.Priority ?? 0),
  );
  const names = mechanisms.length ? mechanisms.map((m) => m.Name) : ['verified_phone_number', 'verified_email'];
  for (const name of names) {
    if (name === 'admin_only') return undefined;
    const found = contact(user, name === 'verified_email' ? 'email' : 'phone_number', true);
    if (found) return found;
  }
  return undefined;
}

export interface SendCode {
  purpose: CodePurpose;
  kind: CodeKind;
  delivery: Delivery;
  now: Date;
  /** Where the request came from, for the message triggers; without it no trigger runs. */
  context?: MessageContext | undefined;
}

/** `port` (the emulator's) makes CONFIRM_WITH_LINK's links: SignUp and ResendConfirmationCode pass it. */
export type SendDeps = Pick<Deps, 'store' | 'inbox' | 'ids' | 'fixedCode' | 'functions' | 'clock' | 'log'> & Partial<Pick<Deps, 'port'>>;

/** Makes a code, keeps it pending for the user, and "sends" it; answers AWS's delivery details. */
export async function sendCode(
  deps: SendDeps,
  tx: Transaction,
  user: UserRecord,
  { purpose, kind, delivery, now, context }: SendCode,
): Promise<CodeDeliveryDetailsType> {
  const code = newCode(deps);
  await storeCode(deps.store, tx, user, { purpose, code, now, attribute: delivery.attribute });
  await deliver(deps, tx, user, { code, kind, deliveries: [delivery], context });
  return codeDeliveryDetails(delivery);
}

export interface Delivered {
  /** The code or temporary password. */
  code: string;
  kind: CodeKind;
  /** Where it goes; none when the user has nowhere to receive it (it is still logged and kept). */
  deliveries: Delivery[];
  context?: MessageContext | undefined;
}

/**
 * "Sends" a code: to the inbox, in `tx`, with the text CustomMessage made of it; and, for a medium the pool routes
 * through a custom sender, to that function once `tx` has committed. A custom sender replaces Cognito's own
 * sending, CustomMessage included (developer guide, "Custom sender Lambda triggers"). CustomMessage runs under the
 * pool's lock, so that its error leaves nothing written; a function that calls back into a write on the same pool
 * waits for its own caller and times out (UnexpectedLambdaException), never hangs.
 */
export async function deliver(
  deps: Pick<SendDeps, 'inbox' | 'functions' | 'clock' | 'log' | 'port'>,
  tx: Transaction,
  user: UserRecord,
  { code, kind, deliveries, context }: Delivered,
): Promise<void> {
  const base = { userPoolId: user.UserPoolId, username: user.Username, code, kind };
  if (!deliveries.length) return deps.inbox.send(tx, { ...base, destinations: [] });
  for (const delivery of deliveries) {
    const medium = delivery.attribute === 'email' ? 'EMAIL' : 'SMS';
    const sender = context && senderArn(context, medium);
    const own = context && !sender ? context : undefined;
    // A pool that confirms by link sends its sign-up email with one (./confirmationLink.ts); the inbox keeps that text.
    const link = own?.clientId && medium === 'EMAIL' && deps.port !== undefined && sendsLink(own.pool, kind)
      ? confirmationUrl(own.pool, deps.port, own.clientId, user.Username, code)
      : undefined;
    const custom = own ? await customMessage(deps, own, user, medium, code, link) : undefined;
    const text = own && link ? linkMessage(own.pool, link, code, custom) : custom;
    await deps.inbox.send(tx, { ...base, destinations: [delivery.destination], ...text, ...(sender ? {} : { medium }) });
    if (context && sender) tx.afterCommit(() => void sendThroughSender(deps, context, user, medium, code));
  }
}
