import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type CreateUserPoolClientRequest,
  type CreateUserPoolRequest,
  type RespondToAuthChallengeRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { users, type UserRecord } from '../../../../src/cognito/model/user.js';
import type { TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { createUser, TEMP_PASSWORD } from '../users/userFixtures.js';
import { srpClient } from './srpClient.js';

export { TEMP_PASSWORD };
export const PASSWORD = 'Chosen-Passw0rd!';

export const ALL_FLOWS = [
  'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH',
] as const;

export interface Setup {
  poolId: string;
  /** Every password flow enabled, no secret. */
  clientId: string;
}

/** A pool with a client that allows every password flow. */
export async function setUp(
  emulator: Pick<TestEmulator, 'client'>,
  pool: Partial<CreateUserPoolRequest> = {},
  client: Partial<CreateUserPoolClientRequest> = {},
): Promise<Setup> {
  const poolId = await createPool(emulator, pool);
  return { poolId, clientId: await addClient(emulator, poolId, client) };
}

export async function addClient(
  emulator: Pick<TestEmulator, 'client'>,
  poolId: string,
  settings: Partial<CreateUserPoolClientRequest> = {},
): Promise<string> {
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: [...ALL_FLOWS], ...settings,
  }));
  return UserPoolClient!.ClientId!;
}

/** A user created by AdminCreateUser who has answered NEW_PASSWORD_REQUIRED with PASSWORD: CONFIRMED. */
export async function confirmedUser(
  emulator: Pick<TestEmulator, 'client'>,
  { poolId, clientId }: Setup,
  username: string,
  attributes: { Name: string; Value: string }[] = [],
): Promise<string> {
  const stored = await createUser(emulator, poolId, username, { UserAttributes: attributes });
  const challenge = await emulator.client.send(new AdminInitiateAuthCommand({
    UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: TEMP_PASSWORD },
  }));
  await emulator.client.send(new AdminRespondToAuthChallengeCommand({
    UserPoolId: poolId, ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: PASSWORD },
  }));
  return stored;
}

/**
 * The pool most RespondToAuthChallenge tests share: given_name required, passwords of 10 characters or more with a
 * symbol, and alice confirmed.
 */
export async function challengePool(emulator: Pick<TestEmulator, 'client'>): Promise<Setup> {
  const setup = await setUp(emulator, {
    Schema: [{ Name: 'given_name', AttributeDataType: 'String', Required: true, Mutable: true }],
    Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: true } },
  });
  await confirmedUser(emulator, setup, 'alice', [{ Name: 'given_name', Value: 'Alice' }]);
  return setup;
}

/** RespondToAuthChallenge through the SDK client; the challenge may be named by a plain string. */
export const respondToChallenge = (
  emulator: Pick<TestEmulator, 'client'>,
  request: Omit<RespondToAuthChallengeRequest, 'ChallengeName'> & { ChallengeName: string },
) => emulator.client.send(new RespondToAuthChallengeCommand(request as RespondToAuthChallengeRequest));

/** USER_PASSWORD_AUTH's answer. */
export const passwordSignIn = (emulator: Pick<TestEmulator, 'client'>, clientId: string, username: string, password = PASSWORD) =>
  emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password },
  }));

/** InitiateAuth with USER_SRP_AUTH: the challenge and an SRP client ready to answer it. */
export async function srpStart(emulator: Pick<TestEmulator, 'client'>, { poolId, clientId }: Setup, username: string) {
  const srp = srpClient(poolId);
  const response = await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srp.A },
  }));
  return { srp, response };
}

/** The JSON payload of a JWT, unverified. */
export const claims = (jwt: string | undefined) =>
  JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** Changes a stored user directly, for states no operation of this area makes. */
export async function changeUser(
  emulator: Pick<TestEmulator, 'store'>,
  poolId: string,
  username: string,
  change: (user: UserRecord) => UserRecord,
): Promise<void> {
  const table = emulator.store.table(users);
  await emulator.store.transact(poolId, async (tx) => {
    const user = await tx.get(table, [poolId, username]);
    await tx.put(table, change(user!));
  });
}
