import { createHash, randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, CreateUserPoolClientCommand, CreateUserPoolCommand,
  type CreateUserPoolClientRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import Fastify from 'fastify';
import type { Test } from 'uvu';
import { createInbox } from '../../../src/cognito/codes/inbox.js';
import type { Clock } from '../../../src/cognito/deps.js';
import { randomIds } from '../../../src/cognito/ids.js';
import { findUser } from '../../../src/cognito/model/user.js';
import { userPools } from '../../../src/cognito/model/userPool.js';
import { handlerFunctions } from '../../../src/lambda/functions.js';
import { checkAuthorizeRequest, completeAuthorization, type OAuthDeps } from '../../../src/oauth2/authorization.js';
import type { EmulatorOptions } from '../../../src/index.js';
import { withEmulator, type TestEmulator } from '../../helpers/emulator.js';

// What the OAuth2 protocol tests share: a pool with an OAuth client and a user made through the API, and a
// stand-in for the hosted UI's sign-in pages that calls completeAuthorization for a user (so these tests do not
// depend on the pages), writing codes and sessions into the emulator's own store.

export const CALLBACK = 'http://localhost:3000/callback';
export const SIGNED_OUT = 'http://localhost:3000/bye';
export const PASSWORD = 'Passw0rd!x';

export interface OAuthApp {
  poolId: string;
  clientId: string;
  clientSecret?: string;
}

export async function oauthApp(emulator: TestEmulator, client: Partial<CreateUserPoolClientRequest> = {}): Promise<OAuthApp> {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'web' }));
  const poolId = UserPool!.Id!;
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId,
    ClientName: 'web',
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code', 'implicit'],
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'],
    CallbackURLs: [CALLBACK],
    LogoutURLs: [SIGNED_OUT],
    SupportedIdentityProviders: ['COGNITO'],
    ...client,
  }));
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId,
    Username: 'alice',
    UserAttributes: [
      { Name: 'email', Value: 'alice@example.com' }, { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Alice' }, { Name: 'phone_number', Value: '+15555550100' },
    ],
  }));
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: PASSWORD, Permanent: true }));
  return {
    poolId,
    clientId: UserPoolClient!.ClientId!,
    ...(UserPoolClient!.ClientSecret ? { clientSecret: UserPoolClient!.ClientSecret } : {}),
  };
}

export interface Completed {
  status: number;
  location: string;
  cookie: string | undefined;
}

/**
 * The hosted UI's part, played by a separate app on the emulator's store: the authorize parameters checked, then
 * `username` treated as signed in now (or at `authTime`), completeAuthorization answering.
 */
export function signInPages(emulator: TestEmulator, clock: Clock = { now: () => new Date() }) {
  const log = { info: () => {}, error: () => {} };
  const deps: OAuthDeps = {
    store: emulator.store, clock, ids: randomIds, log, tokens: emulator.tokens, functions: handlerFunctions({}),
    inbox: createInbox({ store: emulator.store, clock, log }), fixedCode: undefined, port: emulator.port,
  };
  const app = Fastify();
  app.get<{ Querystring: Record<string, string> }>('/signed-in', async (request, reply) => {
    const { username, ...query } = request.query;
    const checked = await checkAuthorizeRequest(deps, query);
    if (!('ok' in checked)) return reply.code(418).send(JSON.stringify(checked));
    const pool = (await emulator.store.table(userPools).get([checked.ok.pool.Id]))!;
    const user = (await findUser(emulator.store, pool, username!))!;
    return completeAuthorization(deps, reply, checked.ok, user, Math.floor(clock.now().getTime() / 1000));
  });
  return {
    async complete(username: string, query: Record<string, string>): Promise<Completed> {
      const response = await app.inject({ method: 'GET', url: `/signed-in?${new URLSearchParams({ username, ...query })}` });
      const setCookie = response.headers['set-cookie'];
      return {
        status: response.statusCode,
        location: String(response.headers.location ?? ''),
        cookie: (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0],
      };
    },
    // An app that never listened holds no socket, so withEmulator may end it without waiting.
    destroy: () => void app.close(),
  };
}

export type SignInPages = ReturnType<typeof signInPages>;

export interface OAuthSuite {
  emulator: TestEmulator;
  /** Undefined when the suite was asked for no app. */
  app: OAuthApp;
  pages: SignInPages;
}

/**
 * Registers hooks on `suite` that start a test emulator (with `options`; its clock drives the pages too), the
 * stand-in sign-in pages and, unless `app` is false, an oauthApp; then close them. Read the fields inside tests.
 */
export function withOAuthApp(suite: Test, options: Partial<EmulatorOptions> = {}, { app = true } = {}): OAuthSuite {
  let made: OAuthApp;
  const running = withEmulator(suite, (emulator) => signInPages(emulator, options.clock), {
    options,
    ready: async ({ emulator }) => {
      if (app) made = await oauthApp(emulator);
    },
  });
  return {
    get emulator() { return running.emulator; },
    get pages() { return running.client; },
    get app() { return made; },
  };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A POST of a form to the emulator, with real HTTP. */
export function postForm(emulator: TestEmulator, path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
}

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** The payload of a JWT, decoded without checking it. */
export function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

/** A code for alice through the stand-in pages, and what the token endpoint then answers for it. */
export async function codeFor(
  pages: SignInPages,
  app: OAuthApp,
  extra: Record<string, string> = {},
): Promise<string> {
  const { location } = await pages.complete('alice', {
    response_type: 'code', client_id: app.clientId, redirect_uri: CALLBACK, state: 'st', ...extra,
  });
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}
