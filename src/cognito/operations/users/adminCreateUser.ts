import type { AdminCreateUserRequest, AdminCreateUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkPassword, generateTemporaryPassword } from '../../auth/passwordPolicy.js';
import type { Deps, Operation } from '../../deps.js';
import { UsernameExistsException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { userToApi, users } from '../../model/user.js';
import { claimAliases } from './attributes/aliases.js';
import { checkAttributes } from './attributes/attributes.js';
import { checkAttributeList, checkUserKey, PASSWORD_PATTERN } from './checks.js';
import { newUserRecord } from './records/newUser.js';
import { preSignUp } from '../../triggers/signUpTriggers.js';
import { autoConfirmed } from '../signUp/autoConfirm.js';
import { resendInvitation } from './records/resendInvitation.js';
import { countUsers, sendTemporaryPassword } from './records/userRecords.js';

/**
 * Creates a user in FORCE_CHANGE_PASSWORD with the given or a generated temporary password, and "sends" it unless
 * MessageAction is SUPPRESS. Attributes the schema requires are not demanded here: AWS lets the user supply them
 * when they first sign in (AdminCreateUser reference, UserAttributes). The password verifier (the costly part) is
 * computed before the pool's lock, so the locked section is a few index reads and one batch.
 */
export const AdminCreateUser =
  (deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'inbox' | 'functions' | 'log'>): Operation<
    AdminCreateUserRequest,
    AdminCreateUserResponse
  > =>
  async (_ctx, request) => {
    const { store, clock, ids } = deps;
    const { UserPoolId, Username, UserAttributes = [], TemporaryPassword, MessageAction, DesiredDeliveryMediums } = request;
    const { ValidationData, ClientMetadata } = request;
    checkAttributeList('userAttributes', UserAttributes, checkUserKey(UserPoolId!, Username!))
      .length('temporaryPassword', TemporaryPassword, 0, 256, true)
      .pattern('temporaryPassword', TemporaryPassword, PASSWORD_PATTERN, true)
      .oneOf('messageAction', MessageAction, ['RESEND', 'SUPPRESS'])
      .eachOneOf('desiredDeliveryMediums', DesiredDeliveryMediums, ['SMS', 'EMAIL'])
      .throwIfAny();
    const pool = await requirePool(store, UserPoolId!);
    const policy = pool.Policies?.PasswordPolicy;
    if (TemporaryPassword !== undefined) checkPassword(policy, TemporaryPassword);
    const password = TemporaryPassword ?? generateTemporaryPassword(policy, ids);
    if (MessageAction === 'RESEND') {
      const User = await resendInvitation(deps, pool, Username!, password, DesiredDeliveryMediums, ClientMetadata);
      return { User };
    }

    const now = clock.now();
    const created = await newUserRecord({
      pool,
      username: Username!,
      sub: ids.uuid(),
      attributes: checkAttributes(pool, UserAttributes, 'create'),
      password,
      temporary: true,
      status: 'FORCE_CHANGE_PASSWORD',
      now,
    });
    // PreSignUp_AdminCreateUser runs before anything is stored; it may verify the email or phone number.
    const decision = await preSignUp(deps, {
      pool,
      user: created,
      source: 'PreSignUp_AdminCreateUser',
      validationData: ValidationData && Object.fromEntries(ValidationData.map((a) => [a.Name!, a.Value ?? ''])),
      clientMetadata: ClientMetadata,
    });
    const user = autoConfirmed(pool, created, decision);
    await store.transact(pool.Id, async (tx) => {
      // The pool may have been deleted while the verifier was computed; both reads run at once.
      const [, existing] = await Promise.all([
        requirePool(store, pool.Id),
        tx.get(store.table(users), [pool.Id, user.UsernameKey]),
      ]);
      if (existing) throw new UsernameExistsException('User account already exists');
      const force = request.ForceAliasCreation ?? false;
      await claimAliases(store, tx, pool, user, [], { force, creating: true, now: now.getTime() });
      await tx.put(store.table(users), user);
      await countUsers(store, tx, pool.Id, 1);
      if (MessageAction !== 'SUPPRESS') {
        const context = { pool, source: 'AdminCreateUser' as const, clientMetadata: ClientMetadata };
        await sendTemporaryPassword(deps, tx, user, password, DesiredDeliveryMediums, context);
      }
    });
    return { User: userToApi(user) };
  };
