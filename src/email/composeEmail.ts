import type { CodeKind } from '../cognito/codes/inbox.js';
import type { UserPoolRecord } from '../cognito/model/userPool.js';

// The email Cognito itself sends for a code: the CustomMessage trigger's text when it made one, else the pool's
// templates, else Cognito's defaults; from the pool's sender (developer guide, "Customizing email verification
// messages", "Customizing user invitation messages", "Email settings for Amazon Cognito user pools").

export interface Email {
  to: string;
  subject: string;
  /** Cognito's email messages are HTML: the templates may carry tags (developer guide, "Message templates"). */
  html: string;
  /** The pool's sender; SMTP_EMAIL, when set, comes first. */
  from?: string | undefined;
  replyTo?: string | undefined;
}

export interface CodeEmail {
  to: string;
  username: string;
  code: string;
  kind: CodeKind;
  /** CustomMessage's text, code filled in; absent parts are the pool's or Cognito's. */
  message?: string | undefined;
  subject?: string | undefined;
}

interface Template {
  subject: string;
  message: string;
}

// Cognito's defaults, as a new pool's console and the AWS SDK's CreateUserPool example show them.
const VERIFICATION: Template = { subject: 'Your verification code', message: 'Your verification code is {####}.' };
const INVITATION: Template = {
  subject: 'Your temporary password',
  message: 'Your username is {username} and temporary password is {####}.',
};

/**
 * The pool's template for `kind`. Confirmation, password-reset and attribute codes share the verification message
 * (VerificationMessageTemplate, or the older EmailVerificationMessage/Subject AWS keeps in step with it); AdminCreateUser
 * sends the invitation (AdminCreateUserConfig.InviteMessageTemplate); email MFA and sign-in codes send
 * EmailMfaConfiguration's, which has no published default, so the verification message's stands in.
 */
function template(pool: UserPoolRecord | undefined, kind: CodeKind): Template {
  if (kind === 'TEMPORARY_PASSWORD') {
    const invite = pool?.AdminCreateUserConfig?.InviteMessageTemplate;
    return { subject: invite?.EmailSubject ?? INVITATION.subject, message: invite?.EmailMessage ?? INVITATION.message };
  }
  const verification = {
    subject: pool?.VerificationMessageTemplate?.EmailSubject ?? pool?.EmailVerificationSubject ?? VERIFICATION.subject,
    message: pool?.VerificationMessageTemplate?.EmailMessage ?? pool?.EmailVerificationMessage ?? VERIFICATION.message,
  };
  if (kind !== 'MFA') return verification;
  const mfa = pool?.MfaSettings?.EmailMfaConfiguration;
  return { subject: mfa?.Subject ?? verification.subject, message: mfa?.Message ?? verification.message };
}

/**
 * The sender a pool names: EmailConfiguration.From, else the address of the SES identity in SourceArn
 * (`arn:aws:ses:<region>:<account>:identity/<address>`; a domain identity names no address).
 */
function poolSender(pool: UserPoolRecord | undefined): string | undefined {
  const config = pool?.EmailConfiguration;
  if (config?.From) return config.From;
  const identity = config?.SourceArn?.split(':identity/')[1];
  return identity?.includes('@') ? identity : undefined;
}

export function composeEmail(pool: UserPoolRecord | undefined, sent: CodeEmail): Email {
  const fallback = template(pool, sent.kind);
  const fill = (text: string) => text.replaceAll('{####}', sent.code).replaceAll('{username}', sent.username);
  return {
    to: sent.to,
    subject: sent.subject ?? fill(fallback.subject),
    html: sent.message ?? fill(fallback.message),
    from: poolSender(pool),
    replyTo: pool?.EmailConfiguration?.ReplyToEmailAddress,
  };
}
