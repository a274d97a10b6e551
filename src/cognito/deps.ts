import type { Functions } from '../lambda/functions.js';
import type { Store } from '../store/store.js';
import type { Inbox } from './codes/inbox.js';
import type { Tokens } from './tokens/tokens.js';

export interface Clock {
  now(): Date;
}

/** Every identifier and secret cogniform makes, injectable so tests can choose them. */
export interface Ids {
  /** `<region>_<9 alphanumerics>`, the shape AWS uses (aws-jwt-verify and amazon-cognito-identity-js check it). */
  userPoolId(region: string): string;
  /** 26 lowercase alphanumerics, like AWS's app client ids. */
  clientId(): string;
  clientSecret(): string;
  uuid(): string;
  /** `length` random characters from `alphabet`. */
  random(alphabet: string, length: number): string;
}

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** What operations may use; each takes only what it needs (`Pick<Deps, 'store' | 'clock'>`). */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  log: Logger;
  /** Where every code and temporary password cogniform "sends" is logged and kept. */
  inbox: Inbox;
  /** Where the emulator listens, for URLs it hands out. */
  port: number;
  /** Which issuer tokens carry (`--issuer`). */
  issuer: 'local' | 'aws';
  /** The fixed code of `--code`, if any: every code cogniform sends is then this one. */
  fixedCode?: string | undefined;
  /** Issues, checks and revokes tokens (src/cognito/tokens/). */
  tokens: Tokens;
  /** The local functions the pool's triggers name (src/lambda/). */
  functions: Functions;
  /** How long a trigger may take; AWS's 5 seconds unless a test shortens it (src/cognito/triggers/invoke.ts). */
  triggerTimeoutMs?: number | undefined;
}

/** Per call: where the call came from. */
export interface RequestContext {
  /** From the SigV4 credential scope, or the configured default for unsigned calls. */
  region: string;
  accountId: string;
  requestId: string;
  /**
   * The id CreateUserPool or CreateUserPoolClient must give what it creates: a template pins it (resource Metadata
   * `cogniform: { id }`) so that a frontend's configuration never changes. Never set by API calls.
   */
  pinnedId?: string;
}

export type Operation<Req, Res> = (ctx: RequestContext, request: Req) => Promise<Res>;
