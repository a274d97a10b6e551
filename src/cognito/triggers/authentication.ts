import { hidesUsers, type UserPoolClientRecord } from '../model/client.js';
import type { UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { invokeTrigger, triggerAttributes, type TriggerDeps } from './invoke.js';

// PreAuthentication and PostAuthentication (developer guide, "Pre authentication Lambda trigger" and "Post
// authentication Lambda trigger"). Neither reads anything back from the response: a function that throws refuses
// the sign-in (UserLambdaValidationException, from ./invoke.ts).

/** Where the sign-in happens: a pool and the app client used. */
export interface SignInTarget {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
}

/**
 * Before the password or any challenge is checked. "This Lambda trigger doesn't activate when a user doesn't exist
 * unless the PreventUserExistenceErrors setting of a user pool app client is set to ENABLED". `validationData` is
 * InitiateAuth's / AdminInitiateAuth's ClientMetadata ("To pass this data to your Lambda function, use the
 * ClientMetadata parameter in the InitiateAuth and AdminInitiateAuth API actions"), null when none was given, as
 * PreSignUp's is; the page's event has no `clientMetadata`.
 */
export async function preAuthentication(
  deps: TriggerDeps,
  { pool, client }: SignInTarget,
  /** Undefined for a name that matches nobody (behind PreventUserExistenceErrors), then `username` is the name typed. */
  user: UserRecord | undefined,
  username: string,
  clientMetadata: Record<string, string> | undefined,
): Promise<void> {
  const hiding = hidesUsers(client);
  if (!pool.LambdaConfig?.PreAuthentication || (!user && !hiding)) return;
  await invokeTrigger(deps, {
    pool,
    trigger: 'PreAuthentication',
    triggerSource: 'PreAuthentication_Authentication',
    userName: user?.Username ?? username,
    clientId: client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      validationData: clientMetadata ?? null,
      // "When you set PreventUserExistenceErrors to ENABLED for your user pool client, Amazon Cognito populates this".
      ...(hiding ? { userNotFound: !user } : {}),
    },
    response: {},
  });
}

/**
 * Once the user is authenticated (MFA included) and before tokens are issued: its error fails the sign-in and no
 * tokens exist. `newDeviceUsed` is set "only if the remembered devices value of the user pool is set to Always or
 * User Opt-In"; cogniform does not remember devices at sign-in yet, so it is false. ClientMetadata reaches it from
 * RespondToAuthChallenge only (InitiateAuthRequest.ClientMetadata reference).
 */
export async function postAuthentication(
  deps: TriggerDeps,
  { pool, client }: SignInTarget,
  user: UserRecord,
  clientMetadata: Record<string, string> | undefined,
): Promise<void> {
  if (!pool.LambdaConfig?.PostAuthentication) return;
  await invokeTrigger(deps, {
    pool,
    trigger: 'PostAuthentication',
    triggerSource: 'PostAuthentication_Authentication',
    userName: user.Username,
    clientId: client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      newDeviceUsed: false,
      ...(clientMetadata ? { clientMetadata } : {}),
    },
    response: {},
  });
}
