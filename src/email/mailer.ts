import nodemailer from 'nodemailer';
import type { Logger } from '../cognito/deps.js';
import type { SmtpSettings } from '../config.js';
import type { Email } from './composeEmail.js';

// Real email delivery through the SMTP server of SMTP_HOST (DESIGN.md §3 "email"), by nodemailer: STARTTLS when the
// server offers it (nodemailer upgrades unless told not to), implicit TLS on port 465, AUTH with SMTP_USER/SMTP_PASS.
// Sending happens in the background: an API call never waits for it or fails because of it.

/** Cognito's own sender when the pool names none (developer guide, "Email settings": the default email address). */
const COGNITO_SENDER = 'no-reply@verificationemail.com';

// Short enough that a wrong host shows up in the log soon, and that closing the emulator is not held up for
// nodemailer's two-minute default.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export interface Mailer {
  /** Hands `email` to the SMTP server; a failure is logged with what to change, never thrown. */
  send(email: Email): void;
  /** Waits for the emails on their way, then lets the transport go. */
  close(): Promise<void>;
}

/** The startup line: where email goes. */
export function describeEmail(smtp: SmtpSettings | undefined): string {
  if (!smtp) return 'email: not sent (set SMTP_HOST to send it); codes are printed and kept in the inbox';
  const login = smtp.user ? `, logging in as ${smtp.user}` : '';
  return `email: SMTP ${smtp.host}:${smtp.port} as ${smtp.from ?? `the pool's sender or ${COGNITO_SENDER}`}${login}`;
}

export function createMailer(smtp: SmtpSettings, log: Pick<Logger, 'error'>): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass } } : {}),
    ...TIMEOUTS,
  });
  const sending = new Set<Promise<void>>();
  return {
    send(email) {
      const sent = transport
        .sendMail({
          from: smtp.from ?? email.from ?? COGNITO_SENDER,
          to: email.to,
          subject: email.subject,
          html: email.html,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        })
        .then(
          () => undefined,
          (error: unknown) => log.error(`email to ${email.to} not sent: ${explain(smtp, error)}`),
        )
        .finally(() => sending.delete(sent));
      sending.add(sent);
    },
    async close() {
      await Promise.all(sending);
      transport.close();
    },
  };
}

/** What went wrong and which setting to look at, from nodemailer's error codes. */
function explain(smtp: SmtpSettings, error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const where = `SMTP ${smtp.host}:${smtp.port}`;
  // A certificate Node does not trust fails the STARTTLS upgrade as a socket error (ESOCKET), not as ETLS.
  if (code === 'ETLS' || /certificate|tls|ssl/i.test(message ?? '')) {
    return `${where}: TLS failed (${message}); the server's certificate must be one Node trusts (NODE_EXTRA_CA_CERTS).`;
  }
  switch (code) {
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'EDNS':
    case 'ESOCKET':
      return `${where} could not be reached (${message}); check SMTP_HOST and SMTP_PORT.`;
    case 'EAUTH':
    case 'ENOAUTH':
      return `${where} refused the login (${message}); check SMTP_USER and SMTP_PASS.`;
    case 'EENVELOPE':
      return `${where} refused the sender or recipient (${message}); check SMTP_EMAIL or the pool's From address.`;
    default:
      return `${where}: ${message ?? String(error)}`;
  }
}
