import type { AuthFlowType } from '@aws-sdk/client-cognito-identity-provider';
import { verifyPassword } from '../../../auth/srp.js';
import { Constraints } from '../../../constraints.js';
import { InvalidParameterException, UnsupportedOperationException } from '../../../errors.js';
import { passwordAccepted, requireParameter, type AuthResponse, type SignInDeps } from './outcome.js';
import { refreshTokens, rotates, secretHashOfRefresh } from './refresh.js';
import { checkFlowEnabled, checkSecretHash, type SignInClient } from './signInClient.js';
import { checkAttempt, checkCanSignIn, incorrectPassword, settled, signInUser } from './signInUser.js';
import { startCustomAuth } from '../challenges/customChallenge.js';
import { startSrp } from '../challenges/srpAuth.js';
import { userOrMigrated } from '../../users/records/migratedUser.js';
import { preAuthentication } from '../../../triggers/authentication.js';

// The first step of every sign-in flow, shared by InitiateAuth and AdminInitiateAuth (which differ in the flows
// they accept: the API reference of each lists its AuthFlow values).

const AUTH_FLOWS: AuthFlowType[] = [
  'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH',
];

export async function initiateAuth(
  deps: SignInDeps,
  target: SignInClient,
  flow: string,
  parameters: Record<string, string> | undefined,
  accepted: AuthFlowType[],
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  new Constraints().oneOf('authFlow', flow, AUTH_FLOWS).throwIfAny();
  const authFlow = flow as AuthFlowType;
  // AWS's answer to a flow the operation does not take, e.g. ADMIN_NO_SRP_AUTH through InitiateAuth.
  if (!accepted.includes(authFlow)) throw new InvalidParameterException('Initiate Auth method not supported.');
  checkFlowEnabled(target.client, authFlow);
  switch (authFlow) {
    case 'USER_SRP_AUTH':
      return startSrp(deps, target, parameters, clientMetadata);
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return passwordAuth(deps, target, parameters, clientMetadata);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation enabled"
      // (developer guide, "Refresh tokens"); the wording of the refusal is cogniform's.
      if (rotates(target)) {
        throw new InvalidParameterException('Refresh token rotation is enabled for this client: use GetTokensFromRefreshToken.');
      }
      const token = requireParameter(parameters, 'REFRESH_TOKEN');
      const prove = secretHashOfRefresh(target, parameters?.SECRET_HASH);
      return { ChallengeParameters: {}, AuthenticationResult: await refreshTokens(deps, target, token, prove) };
    }
    case 'CUSTOM_AUTH':
      return startCustomAuth(deps, target, parameters, clientMetadata);
    case 'USER_AUTH':
      throw new UnsupportedOperationException('cogniform does not implement the USER_AUTH flow yet.');
  }
}

/** USER_PASSWORD_AUTH and the admin password flows: the password checked against the stored verifier. */
async function passwordAuth(
  deps: SignInDeps,
  { pool, client }: SignInClient,
  parameters: Record<string, string> | undefined,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthResponse> {
  const username = requireParameter(parameters, 'USERNAME');
  const password = requireParameter(parameters, 'PASSWORD');
  checkSecretHash(client, parameters?.SECRET_HASH, [username]);
  // Only the password flows migrate an unknown user: SRP never sends the password (developer guide, "Importing
  // users with a user migration Lambda trigger").
  const call = { pool, clientId: client.ClientId, username, password, clientMetadata };
  const user = (await userOrMigrated(deps, call, 'UserMigration_Authentication')) ??
    (await signInUser(deps.store, pool, client, username));
  checkCanSignIn(user);
  await preAuthentication(deps, { pool, client }, user, username, clientMetadata);
  const stored = user.password;
  await checkAttempt(deps.store, user, deps.clock.now(), async () => Boolean(stored && (await verifyPassword(stored, pool.Id, password))),
    incorrectPassword);
  return settled(deps.store, user, await passwordAccepted(deps, pool, client, user));
}
