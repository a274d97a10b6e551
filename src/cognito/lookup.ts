import type { Store } from '../store/store.js';
import { ResourceNotFoundException } from './errors.js';
import { userPoolClients, type UserPoolClientRecord } from './model/client.js';
import { userPools, type UserPoolRecord } from './model/userPool.js';

// Lookups that every operation needs, with AWS's not-found messages.

export async function requirePool(store: Store, userPoolId: string): Promise<UserPoolRecord> {
  const pool = await store.table(userPools).get([userPoolId]);
  if (!pool) throw new ResourceNotFoundException(`User pool ${userPoolId} does not exist.`);
  return pool;
}

export async function requireClient(store: Store, userPoolId: string, clientId: string): Promise<UserPoolClientRecord> {
  const client = await store.table(userPoolClients).get([userPoolId, clientId]);
  if (!client) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return client;
}
