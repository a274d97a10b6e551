import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, CreateIdentityPoolCommand, type CreateIdentityPoolInput } from '@aws-sdk/client-cognito-identity';
import type { Test } from 'uvu';
import { randomIds } from '../../src/cognito/ids.js';
import { cognitoIdentitySurface, type IdentityPoolsSurface } from '../../src/cognitoIdentity/index.js';
import { awsClient, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// What the identity-pool tests share: an emulator whose clock a test can move, the real cognito-identity SDK client
// on it, and a user pool with an app client whose users sign in for real (AdminInitiateAuth) to get ID tokens.

export interface IdentityWorld {
  emulator: TestEmulator;
  identity: CognitoIdentityClient;
  /** Milliseconds added to the real time: a test moves the clock forward by raising it. */
  clock: { offset: number };
  userPoolId: string;
  clientId: string;
  /** `cognito-idp.us-east-1.amazonaws.com/<userPoolId>`, the Logins key of the user pool. */
  provider: string;
  /** Signs `username` in (made on first use, in `groups` if given) and answers its ID and access tokens. */
  signIn(username: string, groups?: { name: string; roleArn?: string; precedence?: number }[]): Promise<{ id: string; access: string }>;
  /** A pool listing the user pool's client as its Cognito provider, with `extra` settings. */
  createPool(extra?: Partial<CreateIdentityPoolInput>): Promise<string>;
}

const PASSWORD = 'Passw0rd!long';

export function identityWorld(suite: Test): IdentityWorld {
  const world = { clock: { offset: 0 } } as IdentityWorld;
  suite.before(async () => {
    const clock = { now: () => new Date(Date.now() + world.clock.offset) };
    world.emulator = await startTestEmulator({ clock });
    world.identity = awsClient(CognitoIdentityClient, world.emulator);
    const idp = world.emulator.client;
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'people' }));
    world.userPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(
      new CreateUserPoolClientCommand({ UserPoolId: world.userPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    world.clientId = UserPoolClient!.ClientId!;
    world.provider = `cognito-idp.us-east-1.amazonaws.com/${world.userPoolId}`;
    const made = new Set<string>();
    const groups = new Set<string>();
    world.signIn = async (username, memberOf = []) => {
      const UserPoolId = world.userPoolId;
      if (!made.has(username)) {
        await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: username, MessageAction: 'SUPPRESS' }));
        await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: PASSWORD, Permanent: true }));
        for (const group of memberOf) {
          if (!groups.has(group.name)) {
            await idp.send(new CreateGroupCommand({ UserPoolId, GroupName: group.name, RoleArn: group.roleArn, Precedence: group.precedence }));
            groups.add(group.name);
          }
          await idp.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: group.name }));
        }
        made.add(username);
      }
      const { AuthenticationResult } = await idp.send(
        new AdminInitiateAuthCommand({
          UserPoolId, ClientId: world.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD },
        }),
      );
      return { id: AuthenticationResult!.IdToken!, access: AuthenticationResult!.AccessToken! };
    };
    world.createPool = async (extra = {}) => {
      const pool = await world.identity.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'identities',
          AllowUnauthenticatedIdentities: false,
          CognitoIdentityProviders: [{ ProviderName: world.provider, ClientId: world.clientId }],
          ...extra,
        }),
      );
      return pool.IdentityPoolId!;
    };
  });
  suite.after.each(() => {
    world.clock.offset = 0;
  });
  suite.after(async () => {
    world.identity.destroy();
    await world.emulator.close();
  });
  return world;
}

export const AUTH_ROLE = 'arn:aws:iam::000000000000:role/Cognito_Auth_Role';
export const UNAUTH_ROLE = 'arn:aws:iam::000000000000:role/Cognito_Unauth_Role';

/**
 * A second identity-pools surface over `emulator`'s store, called as cogniform's own parts call it (the reconciler
 * passes `options`, src/iac/startTemplates.ts), which the HTTP API cannot do.
 */
export function internalSurface(emulator: TestEmulator): IdentityPoolsSurface {
  return cognitoIdentitySurface({
    store: emulator.store, clock: { now: () => new Date() }, ids: randomIds, log: { info: () => {}, error: () => {} },
    tokens: emulator.tokens, accountId: '000000000000',
  });
}
