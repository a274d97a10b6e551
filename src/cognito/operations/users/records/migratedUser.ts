import type { ForgotPasswordRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import { UsernameExistsException } from '../../../errors.js';
import { requirePool } from '../../../lookup.js';
import { findUser, users, type UserRecord } from '../../../model/user.js';
import { userMigration, type MigrationCall } from '../../../triggers/userMigration.js';
import { withFactor } from '../../mfa/mfaSettings.js';
import { checkPublicRequest, requirePublicClient } from '../../signUp/publicClient.js';
import { claimAliases } from '../attributes/aliases.js';
import { checkAttributes } from '../attributes/attributes.js';
import { newUserRecord } from './newUser.js';
import { countUsers, sendTemporaryPassword } from './userRecords.js';

// The user a UserMigration function vouches for, created the way AdminCreateUser creates one ("After the Lambda
// function returns successfully, Amazon Cognito creates the user in the user pool", developer guide).

export type MigrationDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'functions' | 'inbox' | 'log'>;

/**
 * The user `call.username` names, migrated first when the pool does not know them and has a UserMigration trigger.
 * Undefined when there is no such user and no trigger: the caller answers an unknown user as it always does.
 *
 * At sign-in the user keeps the password typed, CONFIRMED unless the function asks for RESET_REQUIRED ("the
 * password strength policy ... will not be enforced during migration"). In the forgot-password flow there is no
 * password: the user is RESET_REQUIRED until ConfirmForgotPassword sets one. The function runs before the pool's
 * lock and nothing is written unless it succeeds; a user created meanwhile under the same name wins.
 *
 * "messageAction ... SUPPRESS to suppress the welcome message usually sent by Amazon Cognito to new users. If this
 * attribute is not returned, the welcome message will be sent", by `desiredDeliveryMediums`, SMS when none (developer
 * guide, migrate user trigger parameters). The guide does not give the welcome text; we send the pool's invitation,
 * AdminCreateUser's welcome message, with the password the user signed in with. The forgot-password flow sends none:
 * there is no password to welcome the user with, and the reset code follows at once.
 */
export async function userOrMigrated(
  deps: MigrationDeps,
  call: MigrationCall,
  source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword',
): Promise<UserRecord | undefined> {
  const { store, clock, ids } = deps;
  const existing = await findUser(store, call.pool, call.username);
  if (existing || !call.pool.LambdaConfig?.UserMigration) return existing;
  const migration = await userMigration(deps, call, source);
  if (!migration) return undefined;
  const now = clock.now();
  const signingIn = source === 'UserMigration_Authentication';
  let user = await newUserRecord({
    pool: call.pool,
    username: call.username,
    sub: ids.uuid(),
    attributes: checkAttributes(call.pool, migration.attributes, 'create'),
    // The forgot-password flow has no password; the record is made without one below.
    password: signingIn ? call.password! : ids.uuid(),
    temporary: false,
    status: signingIn ? migration.finalUserStatus : 'RESET_REQUIRED',
    now,
  });
  if (!signingIn) {
    const { password: _none, ...withoutPassword } = user;
    user = withoutPassword;
  }
  if (migration.enableSMSMFA) user = withFactor(user, 'SMS_MFA', true);
  return store.transact(call.pool.Id, async (tx) => {
    await requirePool(store, call.pool.Id);
    const raced = await findUser(store, call.pool, call.username);
    if (raced) return raced;
    if (await tx.get(store.table(users), [call.pool.Id, user.UsernameKey])) {
      throw new UsernameExistsException('User account already exists');
    }
    const options = { force: migration.forceAliasCreation, creating: true, now: now.getTime() };
    await claimAliases(store, tx, call.pool, user, [], options);
    await tx.put(store.table(users), user);
    await countUsers(store, tx, call.pool.Id, 1);
    if (signingIn && migration.messageAction !== 'SUPPRESS') {
      const context = { pool: call.pool, source: 'AdminCreateUser' as const, clientId: call.clientId, clientMetadata: call.clientMetadata };
      await sendTemporaryPassword(deps, tx, user, call.password!, migration.desiredDeliveryMediums, context);
    }
    return user;
  });
}

/**
 * ForgotPassword's step before the code is sent: an unknown user is migrated (UserMigration_ForgotPassword, with
 * ForgotPassword's ClientMetadata), so that the reset code then goes to the contact the function answered. The
 * request is checked as ForgotPassword checks it, before any function runs.
 */
export async function migrateForForgotPassword(
  deps: MigrationDeps,
  { ClientId, Username, SecretHash, ClientMetadata }: ForgotPasswordRequest,
): Promise<void> {
  checkPublicRequest(ClientId!, Username!, SecretHash).throwIfAny();
  const { pool, client } = await requirePublicClient(deps.store, ClientId!, Username!, SecretHash);
  const call = { pool, clientId: client.ClientId!, username: Username!, clientMetadata: ClientMetadata };
  await userOrMigrated(deps, call, 'UserMigration_ForgotPassword');
}
