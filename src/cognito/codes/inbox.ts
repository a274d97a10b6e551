import type { Store, TableSpec, Transaction } from '../../store/store.js';
import { composeEmail } from '../../email/composeEmail.js';
import type { Mailer } from '../../email/mailer.js';
import type { Clock, Logger } from '../deps.js';
import { userPools } from '../model/userPool.js';
import type { Medium } from '../triggers/customMessage.js';

// Every code and temporary password cogniform "sends" is logged on stdout and kept here, so that tests and people
// can read it back (`GET /_cogniform/codes`, `cogniform codes`), the way the Firebase Auth emulator lists the codes
// it sent. With SMTP settings, an email Cognito itself would send is also mailed once the change commits (src/email/);
// SMS is never sent anywhere.

export type CodeKind = 'SIGN_UP' | 'RESEND' | 'FORGOT_PASSWORD' | 'VERIFY_ATTRIBUTE' | 'MFA' | 'TEMPORARY_PASSWORD';

/** How the log line names each kind: `<label> for <username> in <poolId>: <code>` (DESIGN.md §3 "codes"). */
const LABELS: Record<CodeKind, string> = {
  SIGN_UP: 'Confirmation code',
  RESEND: 'Confirmation code',
  FORGOT_PASSWORD: 'Password reset code',
  VERIFY_ATTRIBUTE: 'Verification code',
  MFA: 'MFA code',
  TEMPORARY_PASSWORD: 'Temporary password',
};

export interface SentCode {
  userPoolId: string;
  /** The user's Username (the sub in pools with UsernameAttributes). */
  username: string;
  code: string;
  kind: CodeKind;
  /** The unmasked email address or phone number; null when the user had nowhere to send it. */
  destination: string | null;
  /** The text a CustomMessage trigger made, code filled in; absent for Cognito's default message. */
  message?: string;
  /** The email subject a CustomMessage trigger made. */
  subject?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Sorts newest first: inverted time, then inverted sequence for codes sent in the same millisecond. */
  order: string;
}

/** The names a code can be looked up by: the username and, when it differs, where the code went. */
function recipients(code: SentCode): string[] {
  return code.destination && code.destination !== code.username ? [code.username, code.destination] : [code.username];
}

/** Keyed under the pool (DeleteUserPool purges it) in newest-first order; the indexes keep that order. */
export const sentCodes: TableSpec<SentCode> = {
  name: 'codes',
  key: (c) => [c.userPoolId, c.order],
  indexes: {
    byRecipient: (c) => recipients(c).map((name) => [c.userPoolId, name, c.order]),
    byRecipientInAnyPool: (c) => recipients(c).map((name) => [name, c.order]),
    byTime: (c) => [[c.order]],
  },
};

export interface Message {
  userPoolId: string;
  username: string;
  code: string;
  kind: CodeKind;
  /** Where it goes: one entry per address; none when the user has no address for the medium asked for. */
  destinations: string[];
  message?: string | undefined;
  subject?: string | undefined;
  /** How Cognito itself sends it; absent when a custom sender replaces Cognito's sending (or there is no address). */
  medium?: Medium | undefined;
}

export interface CodeFilter {
  userPoolId?: string | undefined;
  /** A Username, or the address or number a code was sent to. */
  username?: string | undefined;
  limit?: number | undefined;
}

export interface Inbox {
  /**
   * Logs the code and records it in `tx`, so it is kept exactly when the change that made it commits.
   */
  send(tx: Transaction, message: Message): Promise<void>;
  /** Newest first; at most `limit` (default 1000). */
  list(filter: CodeFilter): Promise<SentCode[]>;
}

const MAX_TIME = 9_999_999_999_999;
const MAX_SEQUENCE = 999_999_999;

export function createInbox({ store, clock, log, mailer }: { store: Store; clock: Clock; log: Logger; mailer?: Mailer | undefined }): Inbox {
  const table = store.table(sentCodes);
  let sequence = 0;
  return {
    async send(tx, { destinations, message: text, subject, medium, ...message }) {
      const createdAt = clock.now().getTime();
      sequence = (sequence + 1) % MAX_SEQUENCE;
      const order = `${String(MAX_TIME - createdAt).padStart(13, '0')}${String(MAX_SEQUENCE - sequence).padStart(9, '0')}`;
      const sent = destinations.length ? destinations : [null];
      for (const [i, destination] of sent.entries()) {
        await tx.put(table, {
          ...message,
          destination,
          ...(text !== undefined ? { message: text } : {}),
          ...(subject !== undefined ? { subject } : {}),
          createdAt,
          order: `${order}${i}`,
        });
      }
      log.info(`${LABELS[message.kind]} for ${message.username} in ${message.userPoolId}: ${message.code}`);
      if (!mailer || medium !== 'EMAIL') return;
      const pool = await tx.get(store.table(userPools), [message.userPoolId]);
      for (const to of destinations) {
        const email = composeEmail(pool, { ...message, to, message: text, subject });
        // Never for a change that is not kept, and never holding the pool's lock while the server answers.
        tx.afterCommit(() => mailer.send(email));
      }
    },

    async list({ userPoolId, username, limit = 1000 }) {
      const options = { limit };
      if (userPoolId !== undefined && username !== undefined) {
        return (await table.findBy('byRecipient', [userPoolId, username], options)).items;
      }
      if (userPoolId !== undefined) return (await table.list([userPoolId], options)).items;
      if (username !== undefined) return (await table.findBy('byRecipientInAnyPool', [username], options)).items;
      return (await table.findBy('byTime', [], options)).items;
    },
  };
}
