import path from 'node:path';

export interface Config {
  port: number;
  /** `localhost` listens on loopback, IPv4 and IPv6. */
  host: string;
  /** LevelDB folder; ignored with `inMemory`. */
  dataDir: string;
  inMemory: boolean;
  region: string;
  accountId: string;
  /** Token issuer: `local` (http://localhost:<port>/<poolId>, discoverable) or `aws` (the cognito-idp URL). */
  issuer: 'local' | 'aws';
  /** Every code cogniform sends is this one (for tests); random 6-digit codes when absent. */
  code?: string | undefined;
  /** Where email goes (SMTP_HOST and friends); without it codes are only logged and kept in the inbox. */
  smtp?: SmtpSettings | undefined;
  /** Origins besides loopback whose pages may call the APIs and get CORS answers (`scheme://host[:port]`, or `*`). */
  allowOrigins?: string[] | undefined;
}

/** An SMTP server to deliver email through: the settings LocalStack's manual names (SMTP_HOST, ...). */
export interface SmtpSettings {
  host: string;
  port: number;
  /** With `pass`, the AUTH login; without them no AUTH is tried. */
  user?: string | undefined;
  pass?: string | undefined;
  /** SMTP_EMAIL: the sender of every email, before the pool's own From. */
  from?: string | undefined;
}

export const DEFAULTS: Config = {
  port: 4566,
  host: 'localhost',
  dataDir: '.cogniform',
  inMemory: false,
  region: 'us-east-1',
  accountId: '000000000000',
  issuer: 'local',
};

/** Defaults, then environment variables, then what the caller (the CLI's flags) gives. */
export function resolveConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const fromEnv: Partial<Config> = {};
  if (env.COGNIFORM_PORT) fromEnv.port = parsePort(env.COGNIFORM_PORT, 'COGNIFORM_PORT');
  if (env.COGNIFORM_HOST) fromEnv.host = env.COGNIFORM_HOST;
  if (env.COGNIFORM_DATA_DIR) fromEnv.dataDir = env.COGNIFORM_DATA_DIR;
  if (env.COGNIFORM_IN_MEMORY) fromEnv.inMemory = env.COGNIFORM_IN_MEMORY !== '0' && env.COGNIFORM_IN_MEMORY !== 'false';
  if (env.COGNIFORM_REGION) fromEnv.region = env.COGNIFORM_REGION;
  if (env.COGNIFORM_ACCOUNT_ID) fromEnv.accountId = env.COGNIFORM_ACCOUNT_ID;
  if (env.COGNIFORM_ISSUER) fromEnv.issuer = env.COGNIFORM_ISSUER as Config['issuer'];
  if (env.COGNIFORM_CODE) fromEnv.code = env.COGNIFORM_CODE;
  if (env.COGNIFORM_ALLOW_ORIGINS) fromEnv.allowOrigins = splitOrigins([env.COGNIFORM_ALLOW_ORIGINS]);
  if (env.SMTP_HOST) fromEnv.smtp = smtpFromEnv(env.SMTP_HOST, env);
  const config = { ...DEFAULTS, ...fromEnv, ...overrides };
  config.dataDir = path.resolve(config.dataDir);
  checkConfig(config);
  return config;
}

export function parsePort(value: string, where: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${where}: "${value}" is not a port number (0-65535).`);
  }
  return port;
}

// SMTP's own port when neither SMTP_HOST (`host:port`) nor SMTP_PORT names one: LocalStack's manual gives its
// example as `localhost:25`.
const SMTP_PORT = 25;

function smtpFromEnv(hostAndPort: string, env: NodeJS.ProcessEnv): SmtpSettings {
  const match = /^(.*):(\d+)$/.exec(hostAndPort);
  const host = match ? match[1]! : hostAndPort;
  const inHost = match ? parsePort(match[2]!, 'SMTP_HOST') : undefined;
  const given = env.SMTP_PORT ? parsePort(env.SMTP_PORT, 'SMTP_PORT') : undefined;
  if (inHost !== undefined && given !== undefined && inHost !== given) {
    throw new ConfigError(`SMTP_HOST "${hostAndPort}" names port ${inHost} but SMTP_PORT is ${given}: set one of them.`);
  }
  if (!host) throw new ConfigError(`SMTP_HOST: "${hostAndPort}" has no host name (host or host:port).`);
  if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASS)) {
    throw new ConfigError('SMTP_USER and SMTP_PASS go together: set both to log in to the SMTP server, or neither.');
  }
  if (env.SMTP_EMAIL && !env.SMTP_EMAIL.includes('@')) {
    throw new ConfigError(`SMTP_EMAIL: "${env.SMTP_EMAIL}" is not an email address (the sender, e.g. no-reply@example.com).`);
  }
  return {
    host,
    port: inHost ?? given ?? SMTP_PORT,
    user: env.SMTP_USER || undefined,
    pass: env.SMTP_PASS || undefined,
    from: env.SMTP_EMAIL || undefined,
  };
}

/** `--allow-origin`, repeatable and comma-separated: one list, blanks dropped. */
export function splitOrigins(given: string[]): string[] {
  return given.flatMap((value) => value.split(',')).map((origin) => origin.trim()).filter(Boolean);
}

// An origin as browsers send it in `Origin` (RFC 6454 §6.1): scheme, host, optional port, nothing after. A path or a
// trailing slash would never match, so it is a mistake to report rather than an origin to keep.
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(\[[0-9a-f:.]+\]|[^\s/?#@:[\]]+)(:\d{1,5})?$/i;

function checkConfig(config: Config): void {
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(config.region)) {
    throw new ConfigError(`--region: "${config.region}" is not an AWS region name such as us-east-1.`);
  }
  if (!/^\d{12}$/.test(config.accountId)) {
    throw new ConfigError(`--account-id: "${config.accountId}" must be 12 digits.`);
  }
  if (config.issuer !== 'local' && config.issuer !== 'aws') {
    throw new ConfigError(`--issuer: "${config.issuer}" must be local or aws.`);
  }
  for (const origin of config.allowOrigins ?? []) {
    if (origin !== '*' && !(ORIGIN.test(origin) && URL.canParse(origin))) {
      throw new ConfigError(`--allow-origin: "${origin}" is not an origin: scheme://host[:port], e.g. http://192.168.1.20:3000 (or * for every origin).`);
    }
  }
  if (config.code !== undefined && !/^\d{6}$/.test(config.code)) {
    throw new ConfigError(`--code: "${config.code}" must be 6 digits, like the codes Cognito sends.`);
  }
}

/** A configuration mistake the user can fix; the CLI prints its message without a stack. */
export class ConfigError extends Error {}
