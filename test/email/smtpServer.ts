import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

// A real SMTP server on an ephemeral port that keeps what it receives, for the email delivery tests.

export interface ReceivedEmail {
  /** MAIL FROM and RCPT TO. */
  from: string;
  to: string[];
  headers: Record<string, string>;
  /** The body, transfer encoding undone. */
  body: string;
}

export interface LocalSmtp {
  port: number;
  received: ReceivedEmail[];
  /** Each AUTH the client made: user name and password. */
  logins: { username: string | null | undefined; password: string | null | undefined }[];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1; without `options` a plain server (no STARTTLS, AUTH not offered), like MailHog. */
export async function startSmtp(options: SMTPServerOptions = {}): Promise<LocalSmtp> {
  const received: ReceivedEmail[] = [];
  const logins: LocalSmtp['logins'] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username, password: auth.password });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parse(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Enough of RFC 5322/2045 for nodemailer's single-part messages: unfolded headers and a decoded body. */
function parse(raw: string): Pick<ReceivedEmail, 'headers' | 'body'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4).replace(/\r\n$/, '');
  const encoding = headers['content-transfer-encoding'];
  if (encoding === 'base64') return { headers, body: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding !== 'quoted-printable') return { headers, body };
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { headers, body: Buffer.from(bytes, 'latin1').toString('utf8') };
}
