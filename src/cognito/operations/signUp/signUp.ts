import type { SignUpRequest, SignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkPassword } from '../../auth/passwordPolicy.js';
import { sendCode, signUpDelivery } from '../../codes/delivery.js';
import { postConfirmation, preSignUp } from '../../triggers/signUpTriggers.js';
import { autoConfirmed } from './autoConfirm.js';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException, NotAuthorizedException, UsernameExistsException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { attributeValue, subOf, users } from '../../model/user.js';
import { claimAliases } from '../users/attributes/aliases.js';
import { checkAttributes, checkNotRequired } from '../users/attributes/attributes.js';
import { checkAttributeList, PASSWORD_PATTERN } from '../users/checks.js';
import { newUserRecord } from '../users/records/newUser.js';
import { countUsers } from '../users/records/userRecords.js';
import { checkPublicRequest, requirePublicClient } from './publicClient.js';

/**
 * A user signs themselves up: UNCONFIRMED, with a confirmation code sent to the attribute the pool verifies
 * automatically (none when it verifies none; the user then needs AdminConfirmSignUp). Usernames, attributes and
 * aliases follow AdminCreateUser's rules, but every attribute the schema requires must be given now. ValidationData
 * is only for a PreSignUp trigger, so it is checked and not kept. PreSignUp runs before anything is stored, and may
 * confirm the user (no code is sent then) and verify their email or phone; PostConfirmation follows such a
 * confirmation (localstack/localstack#3200).
 */
export const SignUp =
  (deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'inbox' | 'fixedCode' | 'functions' | 'log' | 'port'>): Operation<
    SignUpRequest,
    SignUpResponse
  > =>
  async (_ctx, request) => {
    const { store, clock, ids } = deps;
    const { ClientId, Username, Password, SecretHash, UserAttributes = [], ValidationData, ClientMetadata } = request;
    const c = checkPublicRequest(ClientId!, Username!, SecretHash)
      .length('password', Password, 0, 256, true)
      .pattern('password', Password, PASSWORD_PATTERN, true);
    checkAttributeList('validationData', ValidationData, checkAttributeList('userAttributes', UserAttributes, c)).throwIfAny();
    // The SDK model leaves Password optional for passwordless pools, which cogniform does not emulate.
    if (Password === undefined) {
      throw new InvalidParameterException(
        "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
      );
    }
    const { pool } = await requirePublicClient(store, ClientId!, Username!, SecretHash);
    // AWS's message when self-registration is off (quoted in aws-amplify/amplify-js issues and LocalStack's tests).
    if (pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly) {
      throw new NotAuthorizedException('SignUp is not permitted for this user pool');
    }
    checkPassword(pool.Policies?.PasswordPolicy, Password);
    const now = clock.now();
    const created = await newUserRecord({
      pool,
      username: Username!,
      sub: ids.uuid(),
      attributes: checkAttributes(pool, UserAttributes, 'create'),
      password: Password,
      temporary: false,
      status: 'UNCONFIRMED',
      now,
    });
    checkNotRequired((pool.SchemaAttributes ?? []).filter((s) => s.Required && attributeValue(created, s.Name!) === undefined));
    const decision = await preSignUp(deps, {
      pool,
      user: created,
      source: 'PreSignUp_SignUp',
      clientId: ClientId,
      validationData: ValidationData && Object.fromEntries(ValidationData.map((a) => [a.Name!, a.Value ?? ''])),
      clientMetadata: ClientMetadata,
    });
    const user = autoConfirmed(pool, created, decision);
    const context = { pool, source: 'SignUp' as const, clientId: ClientId, clientMetadata: ClientMetadata };

    const CodeDeliveryDetails = await store.transact(pool.Id, async (tx) => {
      const [, existing] = await Promise.all([
        requirePool(store, pool.Id),
        tx.get(store.table(users), [pool.Id, user.UsernameKey]),
      ]);
      // "User already exists" is SignUp's wording (AdminCreateUser says "User account already exists").
      if (existing) throw new UsernameExistsException('User already exists');
      await claimAliases(store, tx, pool, user, [], { force: false, creating: true, now: now.getTime() });
      await tx.put(store.table(users), user);
      await countUsers(store, tx, pool.Id, 1);
      const delivery = user.UserStatus === 'UNCONFIRMED' ? signUpDelivery(pool, user) : undefined;
      if (!delivery) return undefined;
      return sendCode(deps, tx, user, { purpose: 'SIGN_UP', kind: 'SIGN_UP', delivery, now, context });
    });
    const UserConfirmed = user.UserStatus === 'CONFIRMED';
    if (UserConfirmed) {
      await postConfirmation(deps, { ...context, user, source: 'PostConfirmation_ConfirmSignUp' });
    }
    return {
      UserConfirmed,
      UserSub: subOf(user),
      ...(CodeDeliveryDetails ? { CodeDeliveryDetails } : {}),
    };
  };
