import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { checkPassword } from '../../../auth/passwordPolicy.js';
import { takeSession } from '../../../auth/sessions.js';
import { createPasswordRecord } from '../../../auth/srp.js';
import { InvalidParameterException, NotAuthorizedException } from '../../../errors.js';
import type { UserPoolClientRecord } from '../../../model/client.js';
import { aliasesOf, attributeValue, findUser, users, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { claimAliases } from '../../users/attributes/aliases.js';
import { checkAttributes, setAttributes, withVerificationReset } from '../../users/attributes/attributes.js';
import { authenticated, requireParameter, type AuthResponse, type SignInDeps } from '../flow/outcome.js';
import { checkSecretHash } from '../flow/signInClient.js';
import { checkCanSignIn, namesOf } from '../flow/signInUser.js';

// NEW_PASSWORD_REQUIRED: a user created by an administrator chooses a password at first sign-in and supplies the
// attributes the pool requires that the administrator left out (RespondToAuthChallenge reference,
// ChallengeResponses; developer guide, "Creating user accounts as administrator").

const PREFIX = 'userAttributes.';

/** Required attributes (sub aside) the user has no value for, by schema name. */
export function missingRequired(pool: UserPoolRecord, attributes: AttributeType[]): string[] {
  return (pool.SchemaAttributes ?? [])
    .filter((s) => s.Required && s.Name !== 'sub' && !attributeValue({ Attributes: attributes }, s.Name!))
    .map((s) => s.Name!);
}

/**
 * The challenge's parameters as amazon-cognito-identity-js reads them: `userAttributes` the user's attributes as
 * a JSON object (sub left out), `requiredAttributes` a JSON list of the missing ones as `userAttributes.<name>`.
 */
export function newPasswordParameters(pool: UserPoolRecord, user: UserRecord): Record<string, string> {
  const attributes = Object.fromEntries(user.Attributes.filter((a) => a.Name !== 'sub').map((a) => [a.Name!, a.Value ?? '']));
  return {
    USER_ID_FOR_SRP: user.Username,
    requiredAttributes: JSON.stringify(missingRequired(pool, user.Attributes).map((name) => PREFIX + name)),
    userAttributes: JSON.stringify(attributes),
  };
}

/**
 * The new password set: policy and attributes are checked before the session is spent, so the user may try again.
 * The hosted UI (src/oauth2/hostedUi) finishes from here too.
 */
export async function setNewPassword(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
): Promise<{ user: UserRecord; authTime: number }> {
  const { store, clock } = deps;
  const username = requireParameter(responses, 'USERNAME');
  const password = requireParameter(responses, 'NEW_PASSWORD');
  const changes = checkAttributes(
    pool,
    Object.entries(responses ?? {})
      .filter(([name]) => name.startsWith(PREFIX))
      .map(([name, Value]) => ({ Name: name.slice(PREFIX.length), Value })),
    'update',
  );
  checkPassword(pool.Policies?.PasswordPolicy, password);
  const known = await findUser(store, pool, username);
  if (!known) throw new NotAuthorizedException('Invalid session for the user.');
  checkSecretHash(client, responses?.SECRET_HASH, [username, ...namesOf(known)]);
  const missing = missingRequired(pool, setAttributes(known.Attributes, changes));
  // AWS: "Invalid attributes given, given_name is missing" (aws-sdk-net-extensions-cognito#40 and others).
  if (missing.length) throw new InvalidParameterException(`Invalid attributes given, ${missing.join(' and ')} is missing`);
  const now = clock.now();
  const record = await createPasswordRecord(pool.Id, known.Username, password, { temporary: false, now });

  return store.transact(pool.Id, async (tx) => {
    const session = await takeSession(store, tx, client, sessionId, 'NEW_PASSWORD_REQUIRED', now);
    const current = await tx.get(store.table(users), [pool.Id, known.UsernameKey]);
    if (!current || current.Username !== session.Username) throw new NotAuthorizedException('Invalid session for the user.');
    checkCanSignIn(current);
    const Attributes = setAttributes(current.Attributes, withVerificationReset(current.Attributes, changes));
    const updated: UserRecord = {
      ...current,
      Attributes,
      Aliases: aliasesOf(pool, Attributes),
      UserStatus: 'CONFIRMED',
      password: record,
      UserLastModifiedDate: now.getTime(),
    };
    await claimAliases(store, tx, pool, updated, current.Aliases, { force: false, creating: false, now: now.getTime() });
    await tx.put(store.table(users), updated);
    return { user: updated, authTime: session.AuthTime };
  });
}

/** The answer: tokens (or an MFA challenge) once the new password is set. */
export async function answerNewPassword(
  deps: SignInDeps,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  sessionId: string | undefined,
  responses: Record<string, string> | undefined,
  clientMetadata?: Record<string, string>,
): Promise<AuthResponse> {
  const { user, authTime } = await setNewPassword(deps, pool, client, sessionId, responses);
  return authenticated(deps, pool, client, user, authTime, { source: 'TokenGeneration_NewPasswordChallenge', clientMetadata });
}
