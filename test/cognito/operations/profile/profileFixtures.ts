import {
  InitiateAuthCommand,
  type AttributeType,
  type AuthenticationResultType,
  type CreateUserPoolClientRequest,
  type CreateUserPoolRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import type { SentCode } from '../../../../src/cognito/codes/inbox.js';
import type { TestEmulator } from '../../../helpers/emulator.js';
import { reload } from '../../tokens/fixture.js';
import { confirmedUser, passwordSignIn, setUp, type Setup } from '../signIn/signInFixtures.js';

// A user signed in through InitiateAuth, whose tokens the profile and session operations take.

export interface SignedIn extends Setup {
  username: string;
  tokens: AuthenticationResultType;
}

export async function signedIn(
  emulator: TestEmulator,
  options: {
    pool?: Partial<CreateUserPoolRequest>;
    client?: Partial<CreateUserPoolClientRequest>;
    attributes?: AttributeType[];
    username?: string;
  } = {},
): Promise<SignedIn> {
  const setup = await setUp(emulator, options.pool, options.client);
  const username = options.username ?? 'alice';
  await confirmedUser(emulator, setup, username, options.attributes as { Name: string; Value: string }[] | undefined);
  const { AuthenticationResult } = await passwordSignIn(emulator, setup.clientId, username);
  return { ...setup, username, tokens: AuthenticationResult! };
}

/** Tokens minted directly, with the scopes a test chooses (a sign-in always grants aws.cognito.signin.user.admin). */
export async function tokensWithScopes(emulator: TestEmulator, who: SignedIn, scopes: string[]) {
  const subject = await reload(emulator, who.poolId, who.clientId, who.username);
  return emulator.tokens.issue({ ...subject, authTime: Math.floor(Date.now() / 1000), refreshToken: false, scopes });
}

export const refresh = (emulator: TestEmulator, who: SignedIn) =>
  emulator.client.send(new InitiateAuthCommand({
    ClientId: who.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: who.tokens.RefreshToken! },
  }));

/** What the emulator "sent" the user, newest first (GET /_cogniform/codes). */
export async function sentCodes(emulator: TestEmulator, poolId: string, username: string): Promise<SentCode[]> {
  const response = await emulator.app.inject({ method: 'GET', url: `/_cogniform/codes?userPoolId=${poolId}&username=${username}` });
  return (JSON.parse(response.body) as { codes: SentCode[] }).codes;
}

/** Every code the emulator sends is this one. */
export const CODE = '123456';
