import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type AttributeType,
  type CreateUserPoolClientRequest,
  type CreateUserPoolRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import * as assert from 'uvu/assert';
import { CognitoError } from '../../../src/cognito/errors.js';
import { requirePool } from '../../../src/cognito/lookup.js';
import { userPoolClients, type UserPoolClientRecord } from '../../../src/cognito/model/client.js';
import { requireUser, type UserRecord } from '../../../src/cognito/model/user.js';
import type { UserPoolRecord } from '../../../src/cognito/model/userPool.js';
import type { IssueRequest } from '../../../src/cognito/tokens/tokens.js';
import type { TestEmulator } from '../../helpers/emulator.js';

// Tokens without a sign-in flow: a pool, client and user made through the SDK, then tokens.issue() directly.

export interface Subject {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
  user: UserRecord;
}

/** A clock tests can move. */
export function movableClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

export async function makeSubject(
  emulator: TestEmulator,
  options: {
    pool?: Partial<CreateUserPoolRequest>;
    client?: Partial<CreateUserPoolClientRequest>;
    username?: string;
    attributes?: AttributeType[];
    groups?: { GroupName: string; Precedence?: number; RoleArn?: string }[];
  } = {},
): Promise<Subject> {
  const { client: sdk } = emulator;
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'tokens', ...options.pool }));
  const poolId = UserPool!.Id!;
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ...options.client }),
  );
  const username = options.username ?? 'alice';
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: username,
      UserAttributes: options.attributes ?? [],
      MessageAction: 'SUPPRESS',
    }),
  );
  for (const group of options.groups ?? []) {
    await sdk.send(new CreateGroupCommand({ UserPoolId: poolId, ...group }));
    await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: group.GroupName }));
  }
  return reload(emulator, poolId, UserPoolClient!.ClientId!, username);
}

export async function reload(emulator: TestEmulator, poolId: string, clientId: string, username: string): Promise<Subject> {
  const pool = await requirePool(emulator.store, poolId);
  const client = (await emulator.store.table(userPoolClients).get([poolId, clientId]))!;
  return { pool, client, user: await requireUser(emulator.store, pool, username) };
}

export function issue(
  emulator: TestEmulator,
  subject: Subject,
  extra: Partial<IssueRequest> = {},
): Promise<AuthenticationResultType> {
  const authTime = Math.floor(Date.now() / 1000);
  return emulator.tokens.issue({ ...subject, authTime, refreshToken: true, ...extra });
}

/** Asserts that a direct call (no wire in between) rejects with the given AWS exception. */
export async function rejectsWith(promise: Promise<unknown>, type: string, message?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CognitoError, String(error));
    assert.is(error.type, type, error.message);
    if (message !== undefined) assert.is(error.message, message);
    return;
  }
  assert.unreachable(`expected ${type}`);
}
