import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthFlowType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../../../../store/store.js';
import { InvalidParameterException, NotAuthorizedException, ResourceNotFoundException } from '../../../errors.js';
import { requireClient, requirePool } from '../../../lookup.js';
import { userPoolClients, type UserPoolClientRecord } from '../../../model/client.js';
import type { UserPoolRecord } from '../../../model/userPool.js';

// What sign-in asks of the app client: that it exists, that it proves its secret, that it allows the flow.

export interface SignInClient {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
}

/** Public operations name only the client; its pool follows from it. */
/**
 * Which pool each client id belongs to, per store. A client never moves to another pool, so the answer stays
 * true; the client itself is then read through the cached primary key (a deleted one reads as missing).
 */
const poolOfClient = new WeakMap<Store, Map<string, string>>();

export async function clientById(store: Store, clientId: string): Promise<SignInClient> {
  const table = store.table(userPoolClients);
  let known = poolOfClient.get(store);
  if (!known) poolOfClient.set(store, (known = new Map()));
  const poolId = known.get(clientId);
  const client = poolId ? await table.get([poolId, clientId]) : await table.findOne('byId', [clientId]);
  if (!client) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  known.set(clientId, client.UserPoolId);
  return { pool: await requirePool(store, client.UserPoolId), client };
}

/** Admin operations name both. */
export async function clientInPool(store: Store, userPoolId: string, clientId: string): Promise<SignInClient> {
  const pool = await requirePool(store, userPoolId);
  return { pool, client: await requireClient(store, userPoolId, clientId) };
}

/** Base64(HMAC-SHA256(key = client secret, message = username + client id)) (developer guide, "Computing secret hash values"). */
export function secretHash(secret: string, username: string, clientId: string): string {
  return createHmac('sha256', secret).update(username + clientId).digest('base64');
}

/**
 * A client with a secret must send SECRET_HASH, computed from one of the names the user goes by (the name typed,
 * or the stored username, which refreshes use). AWS's messages, as quoted in many SDK issues.
 */
export function checkSecretHash(client: UserPoolClientRecord, given: string | undefined, usernames: string[]): void {
  if (!client.ClientSecret) return;
  if (!given) throw new NotAuthorizedException(`Client ${client.ClientId} is configured for secret but secret was not received`);
  const actual = Buffer.from(given);
  const matches = usernames.some((name) => {
    const expected = Buffer.from(secretHash(client.ClientSecret!, name, client.ClientId));
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  });
  if (!matches) throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.ClientId}`);
}

/** The ExplicitAuthFlows values (current and legacy) that allow each flow. */
const ALLOWED_BY: Record<AuthFlowType, string[]> = {
  USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH'],
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  ADMIN_NO_SRP_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  REFRESH_TOKEN_AUTH: ['ALLOW_REFRESH_TOKEN_AUTH'],
  REFRESH_TOKEN: ['ALLOW_REFRESH_TOKEN_AUTH'],
  CUSTOM_AUTH: ['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'],
  USER_AUTH: ['ALLOW_USER_AUTH'],
};

/**
 * AWS's messages: "USER_PASSWORD_AUTH flow not enabled for this client" and, for the admin flows, "Auth flow not
 * enabled for this client" (both widely quoted); "USER_SRP_AUTH is not enabled for the client."
 * (aws-samples/aws-serverless-workshops#277). Clients configured with the legacy values only (no ALLOW_*) were
 * never gated on SRP or refresh, as before ALLOW_* existed (ExplicitAuthFlowsType reference).
 */
export function checkFlowEnabled(client: UserPoolClientRecord, flow: AuthFlowType): void {
  const flows = client.ExplicitAuthFlows ?? [];
  const legacyOnly = !flows.some((f) => f.startsWith('ALLOW_'));
  if (legacyOnly && (flow === 'USER_SRP_AUTH' || flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN')) return;
  if (ALLOWED_BY[flow].some((f) => flows.includes(f as never))) return;
  if (flow === 'USER_SRP_AUTH') throw new InvalidParameterException('USER_SRP_AUTH is not enabled for the client.');
  if (flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'ADMIN_NO_SRP_AUTH') {
    throw new InvalidParameterException('Auth flow not enabled for this client');
  }
  throw new InvalidParameterException(`${flow} flow not enabled for this client`);
}
