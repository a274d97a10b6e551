import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, CreateUserPoolClientCommand, CreateUserPoolDomainCommand,
  type CreateUserPoolClientRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestEmulator } from '../../helpers/emulator.js';
import { createPool } from '../../helpers/fixtures.js';

// A web app's Cognito setup as the hosted-UI tests need it, made through the API as a user would: a pool whose
// sign-up asks for an email (verified by code), a domain (the hosted UI and the discovery document's endpoints hang
// off it), and an app client allowed the code flow back to `callbackUrl`.

export const PASSWORD = 'Hosted-Passw0rd!';

export interface HostedApp {
  poolId: string;
  clientId: string;
  clientSecret?: string | undefined;
  callbackUrl: string;
  /** `http://localhost:<port>/<poolId>`: the issuer in the default `--issuer local` (DESIGN.md §3). */
  issuer: string;
}

export async function hostedApp(
  emulator: TestEmulator,
  callbackUrl: string,
  client: Partial<CreateUserPoolClientRequest> = {},
): Promise<HostedApp> {
  const poolId = await createPool(emulator, {
    PoolName: 'hosted',
    AutoVerifiedAttributes: ['email'],
    Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
  });
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `app-${poolId.split('_')[1]!.toLowerCase()}` }));
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId,
    ClientName: 'web',
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    SupportedIdentityProviders: ['COGNITO'],
    CallbackURLs: [callbackUrl],
    LogoutURLs: [callbackUrl.replace(/\/callback$/, '/signed-out')],
    ...client,
  }));
  return {
    poolId,
    clientId: UserPoolClient!.ClientId!,
    clientSecret: UserPoolClient!.ClientSecret,
    callbackUrl,
    issuer: `http://localhost:${emulator.port}/${poolId}`,
  };
}

/** A confirmed user with a permanent password (for tests whose subject is not sign-up). */
export async function confirmedUser(emulator: TestEmulator, poolId: string, username: string): Promise<void> {
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }, { Name: 'email_verified', Value: 'true' }],
  }));
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }));
}

/** The newest code cogniform "sent" to `username` (GET /_cogniform/codes, DESIGN.md §3). */
export async function latestCode(emulator: TestEmulator, poolId: string, username: string): Promise<string> {
  const query = new URLSearchParams({ userPoolId: poolId, username });
  const { codes } = (await (await fetch(`${emulator.url}/_cogniform/codes?${query}`)).json()) as { codes: { code: string }[] };
  if (!codes[0]) throw new Error(`no code was sent to ${username}`);
  return codes[0].code;
}

/** The authorize URL a web app sends the browser to. */
export function authorizeUrl(emulator: TestEmulator, app: HostedApp, params: Record<string, string>): string {
  const query = new URLSearchParams({
    response_type: 'code', client_id: app.clientId, redirect_uri: app.callbackUrl, scope: 'openid email', ...params,
  });
  return `${emulator.url}/oauth2/authorize?${query}`;
}

/** POST /oauth2/token with a form body; `basic` authenticates the client with client_secret_basic. */
export async function tokenRequest(
  emulator: TestEmulator,
  form: Record<string, string>,
  basic?: { clientId: string; clientSecret: string },
): Promise<{ status: number; body: Record<string, any> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.clientId}:${basic.clientSecret}`).toString('base64')}`;
  const response = await fetch(`${emulator.url}/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
