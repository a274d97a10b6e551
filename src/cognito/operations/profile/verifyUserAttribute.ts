import type { VerifyUserAttributeRequest, VerifyUserAttributeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { redeemCode } from '../../codes/pendingCodes.js';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { users } from '../../model/user.js';
import { applyAttributeChanges } from '../users/attributes/attributeUpdates.js';
import { checkAttributeNames } from '../users/checks.js';
import { authorize, checkAccessToken, lockedUser } from './accessToken.js';
import { verificationPurpose } from './attributeVerification.js';
import { dropHeldUpdate, heldValue } from '../../model/heldUpdates.js';

/**
 * The user types back a verification code: the attribute becomes verified (and a sign-in alias, in pools with
 * AliasAttributes), and a new value waiting for this code replaces the old one. Wrong, expired and exhausted codes
 * are CodeMismatchException, ExpiredCodeException and LimitExceededException; a wrong code counts against the code's
 * attempts, so the transaction commits before the error is thrown.
 */
export const VerifyUserAttribute =
  ({ store, clock, tokens }: Pick<Deps, 'store' | 'clock' | 'tokens'>): Operation<
    VerifyUserAttributeRequest,
    VerifyUserAttributeResponse
  > =>
  async (_ctx, { AccessToken, AttributeName, Code }) => {
    const checks = checkAttributeNames('attributeName', [AttributeName!], checkAccessToken(AccessToken!));
    // The member is `Code`, so AWS names it `code` where ConfirmSignUp says `confirmationCode`.
    checks.length('code', Code, 1, 2048).pattern('code', Code, '[\\S]+').throwIfAny();
    const context = await authorize(tokens, AccessToken!);
    const name = AttributeName!;
    const now = clock.now();
    const failure = await store.transact(context.pool.Id, async (tx) => {
      const pool = await requirePool(store, context.pool.Id);
      const user = await lockedUser(store, tx, context);
      const redeemed = await redeemCode(store, tx, user, verificationPurpose(name), Code!, now);
      if (!redeemed.ok) return redeemed.error;
      const held = await heldValue(store, tx, user, name);
      const changes = [...(held !== undefined ? [{ Name: name, Value: held }] : []), { Name: `${name}_verified`, Value: 'true' }];
      await tx.put(store.table(users), await applyAttributeChanges(store, tx, pool, user, changes, now.getTime()));
      await dropHeldUpdate(store, tx, user, name);
      return undefined;
    });
    if (failure) throw failure;
    return {};
  };
