import { createHmac, createPublicKey, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { poolKeys } from '../../../src/cognito/tokens/keys.js';
import { listStacks } from '../../../src/iac/stacks/stackRecord.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { CALLBACK, PASSWORD, postForm, signInPages, type SignInPages } from '../../oauth2/protocol/harness.js';

// The app every token of this family is tried against (fixture/serverless.yml, reconciled at start), the consumers
// of a token as a client meets them (over HTTP, each answer reduced to one comparable string), and the forgeries.

export const FIXTURE = 'test/reliability/tokens/fixture';
export { PASSWORD };

export interface Tokens {
  id: string;
  access: string;
  refresh: string;
}

export interface AuthApp {
  emulator: TestEmulator;
  pages: SignInPages;
  /** Moves the emulator's clock (and the sign-in pages'): milliseconds added to the real time. */
  clock: { offsetMs: number };
  poolId: string;
  webClient: string;
  otherClient: string;
  otherPoolId: string;
  otherPoolClient: string;
  /** Route URLs by name: `restId` (no scopes), `restAccess` (a scope), `http` (JWT authorizer). */
  urls: { restId: string; restAccess: string; http: string };
  /** A new confirmed user of `poolId` (default: the app's pool) with PASSWORD, and a unique name. */
  newUser(poolId?: string): Promise<string>;
  /** Tokens for `username` through the authorization-code flow of `clientId` (scopes: openid email admin). */
  signIn(username: string, clientId?: string): Promise<Tokens>;
  close(): Promise<void>;
}

interface Route { apiType: 'REST' | 'HTTP'; path: string; url: string }

export async function startAuthApp(): Promise<AuthApp> {
  const clock = { offsetMs: 0 };
  const now = { now: () => new Date(Date.now() + clock.offsetMs) };
  const emulator = await startTestEmulator({
    clock: now,
    functions: { 'authz-local-me': async () => ({ statusCode: 200, body: 'ok' }) },
    templates: { paths: [FIXTURE], watch: false, stage: 'local', parameters: {} },
  });
  const [stack] = await listStacks(emulator.store);
  const physical = (logicalId: string) => {
    const id = stack?.Resources[logicalId]?.PhysicalId;
    if (!id) throw new Error(`${FIXTURE} did not reconcile: ${stack?.LastReconcile?.error}`);
    return id;
  };
  const { routes } = (await (await fetch(`${emulator.url}/_cogniform/routes`)).json()) as { routes: Route[] };
  const url = (apiType: Route['apiType'], path: string) => routes.find((r) => r.apiType === apiType && r.path === path)!.url;
  const pages = signInPages(emulator, now);
  const app: AuthApp = {
    emulator, pages, clock,
    poolId: physical('UserPool'),
    webClient: physical('WebClient'),
    otherClient: physical('OtherClient'),
    otherPoolId: physical('OtherPool'),
    otherPoolClient: physical('OtherPoolClient'),
    urls: { restId: url('REST', '/id'), restAccess: url('REST', '/access'), http: url('HTTP', '/jwt') },
    async newUser(poolId = app.poolId) {
      const Username = `user${++users}`;
      await emulator.client.send(new AdminCreateUserCommand({
        UserPoolId: poolId, Username, MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }, { Name: 'email_verified', Value: 'true' }],
      }));
      await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password: PASSWORD, Permanent: true }));
      return Username;
    },
    async signIn(username, clientId = app.webClient) {
      const { location } = await pages.complete(username, {
        response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, scope: 'openid email aws.cognito.signin.user.admin',
      });
      const code = new URL(location).searchParams.get('code');
      if (!code) throw new Error(`no code for ${username} in ${location}`);
      const response = await postForm(emulator, '/oauth2/token', { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: CALLBACK });
      const body = (await response.json()) as Record<string, string>;
      if (response.status !== 200) throw new Error(`token exchange: ${response.status} ${JSON.stringify(body)}`);
      return { id: body.id_token!, access: body.access_token!, refresh: body.refresh_token! };
    },
    async close() {
      pages.destroy();
      await emulator.close();
    },
  };
  let users = 0;
  return app;
}

// ---- consumers: each answer as one string, "ok" when the token was accepted ----

/** A user operation (AWS JSON 1.1, no signature, as the SDKs send token-authorized operations). */
export async function userOperation(app: AuthApp, operation: string, body: Record<string, unknown>): Promise<string> {
  const { status, body: answer } = await app.emulator.call(operation, body);
  return status === 200 ? 'ok' : `${status} ${answer.__type}: ${answer.message}`;
}

/** A gateway route with `Authorization: <token>`: REST answers `{"message"}`, HTTP APIs add a challenge. */
export async function route(target: string, token: string): Promise<string> {
  const response = await fetch(target, { headers: { authorization: token } });
  const text = await response.text();
  if (response.status === 200 && text === 'ok') return 'ok';
  const challenge = response.headers.get('www-authenticate');
  const error = challenge ? ` (${/error="([^"]*)"/.exec(challenge)?.[1]})` : '';
  return `${response.status} ${JSON.parse(text).message}${error}`;
}

export async function userInfo(app: AuthApp, accessToken: string): Promise<string> {
  const response = await fetch(`${app.emulator.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status === 200 && typeof body.sub === 'string') return 'ok';
  return `${response.status} ${body.error}`;
}

// ---- forgeries ----

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodePart(token: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[part]!, 'base64url').toString('utf8'));
}

/** A JWT of `header` and `claims` signed RS256 with `key`. */
export function signRs256(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64({ ...header, alg: 'RS256' })}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

/** The same claims with no signature at all (RFC 7519 §6, "Unsecured JWTs"). */
export function algNone(token: string): string {
  return `${b64({ ...decodePart(token, 0), alg: 'none' })}.${b64(decodePart(token, 1))}.`;
}

/** The classic key-confusion forgery: HS256 with the pool's public key, as a verifier that trusts `alg` would use it. */
export function hs256(token: string, secret: Buffer | string): string {
  const input = `${b64({ ...decodePart(token, 0), alg: 'HS256' })}.${b64(decodePart(token, 1))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The token's public key as the pool's JWKS publishes it (found by kid): its PEM and its raw modulus. */
export async function publishedKey(app: AuthApp, token: string): Promise<{ pem: string; modulus: Buffer }> {
  const { kid } = decodePart(token, 0);
  const iss = String(decodePart(token, 1).iss);
  const poolId = iss.slice(iss.lastIndexOf('/') + 1);
  const { keys } = (await (await fetch(`${app.emulator.url}/${poolId}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
  const jwk = keys.find((key) => key.kid === kid)!;
  return {
    pem: createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString(),
    modulus: Buffer.from(jwk.n!, 'base64url'),
  };
}

/** An attacker's own RSA key. */
export const attackerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** The pool's real signing key for this kind of token: what a test uses to make a genuine-looking token with odd claims. */
export async function poolSigningKey(app: AuthApp, poolId: string, use: 'id' | 'access'): Promise<{ kid: string; key: KeyObject }> {
  const keys = (await poolKeys(app.emulator.store, poolId))[use];
  return { kid: keys.kid, key: keys.privateKey };
}

/** The payload changed, the header and signature kept. */
export function tamper(token: string, changes: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${b64({ ...decodePart(token, 1), ...changes })}.${signature}`;
}
