import { InvalidParameterException } from '../errors.js';
import type { UserPoolRecord } from '../model/userPool.js';
import type { CodeKind } from './inbox.js';

// VerificationMessageTemplate.DefaultEmailOption CONFIRM_WITH_LINK: the sign-up email carries a link to click
// instead of a code to type. Facts (developer guide, "Customizing email verification messages" and "Configuring
// verification and invitation messages"):
// - links go out only when users sign up or ask for the code again; attribute updates and password resets send
//   the code template;
// - the message must hold a placeholder `{##Verify Your Email##}`; the text between the marks is the link's text;
// - the link is `https://<user pool domain>/confirmUser?client_id=…&user_name=…&confirmation_code=…`, so a pool
//   without a domain cannot send one: SignUp answers InvalidParameterException (AWS's words, "use pool" included,
//   quoted in aws-amplify/amplify-js#4489 and amazon-cognito-identity-js#512).
// cogniform serves /confirmUser at its own root, as it serves the hosted UI (DESIGN.md §3 "hosted UI"), so the link
// is `http://localhost:<port>/confirmUser?…`: a link that works when clicked on this machine.

/** Cognito's defaults, as describe-user-pool shows them for a pool made in the console. */
const LINK_DEFAULTS = {
  subject: 'Your verification link',
  message: 'Please click the link below to verify your email address. {##Verify Email##} ',
};

/** `{##Verify Email##}`: the link, titled with the text between the marks. */
const PLACEHOLDER = /\{##([\s\S]*?)##\}/g;

export const hasLinkPlaceholder = (text: string): boolean => new RegExp(PLACEHOLDER.source).test(text);

/** Whether a `kind` email of `pool` is the link message rather than the code message. */
export function sendsLink(pool: UserPoolRecord, kind: CodeKind): boolean {
  return pool.VerificationMessageTemplate?.DefaultEmailOption === 'CONFIRM_WITH_LINK' && (kind === 'SIGN_UP' || kind === 'RESEND');
}

/** The link's address; the pool must have a domain, as AWS requires. */
export function confirmationUrl(pool: UserPoolRecord, port: number, clientId: string, username: string, code: string): string {
  if (!pool.Domain && !pool.CustomDomain) {
    throw new InvalidParameterException('Cannot perform specific action because there does not exist a valid use pool domain associated with the user pool');
  }
  const query = new URLSearchParams({ client_id: clientId, user_name: username, confirmation_code: code });
  return `http://localhost:${port}/confirmUser?${query}`;
}

/** Every placeholder in `text` made a link to `url` titled with its text. */
export function fillLink(text: string, url: string): string {
  return text.replace(PLACEHOLDER, (_, title: string) => `<a href="${url.replaceAll('&', '&amp;')}">${title}</a>`);
}

/**
 * The link email: CustomMessage's text where it made one (its link placeholder filled in too), else the pool's
 * EmailMessageByLink / EmailSubjectByLink, else Cognito's defaults.
 */
export function linkMessage(
  pool: UserPoolRecord, url: string, code: string, custom: { message?: string; subject?: string } | undefined,
): { message: string; subject: string } {
  const template = pool.VerificationMessageTemplate;
  return {
    message: custom?.message ?? fillLink((template?.EmailMessageByLink ?? LINK_DEFAULTS.message).replaceAll('{####}', code), url),
    subject: custom?.subject ?? template?.EmailSubjectByLink ?? LINK_DEFAULTS.subject,
  };
}
