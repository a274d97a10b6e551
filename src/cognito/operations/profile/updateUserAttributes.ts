import type {
  CodeDeliveryDetailsType,
  UpdateUserAttributesRequest,
  UpdateUserAttributesResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ContactAttribute } from '../../codes/delivery.js';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { userPoolClients } from '../../model/client.js';
import { attributeValue, users } from '../../model/user.js';
import { applyAttributeChanges } from '../users/attributes/attributeUpdates.js';
import { checkAttributes, checkWritable } from '../users/attributes/attributes.js';
import { checkAttributeList } from '../users/checks.js';
import { authorize, checkAccessToken, lockedUser } from './accessToken.js';
import { isVerifiable, sendVerificationCode } from './attributeVerification.js';
import { dropHeldUpdate, holdUpdate } from '../../model/heldUpdates.js';

/**
 * The user changes their own attributes, within what their app client may write. A new email or phone number:
 * - when the pool's AttributesRequireVerificationBeforeUpdate names it, the old value stays (verified) until the
 *   user types back the code sent to the new one (UserAttributeUpdateSettingsType reference);
 * - otherwise it replaces the old one, unverified, and a code is sent to it when the pool verifies that attribute
 *   automatically (developer guide, "Verifying updates to email addresses and phone numbers").
 * CodeDeliveryDetailsList lists the codes sent.
 */
export const UpdateUserAttributes =
  (deps: Pick<Deps, 'store' | 'clock' | 'tokens' | 'inbox' | 'ids' | 'fixedCode'>): Operation<
    UpdateUserAttributesRequest,
    UpdateUserAttributesResponse
  > =>
  async (_ctx, { UserAttributes, AccessToken }) => {
    const { store, clock, tokens } = deps;
    checkAttributeList('userAttributes', UserAttributes, checkAccessToken(AccessToken!)).throwIfAny();
    const context = await authorize(tokens, AccessToken!);
    const client = await store.table(userPoolClients).get([context.pool.Id, context.clientId]);
    const now = clock.now();
    const sent = await store.transact(context.pool.Id, async (tx) => {
      const pool = await requirePool(store, context.pool.Id);
      const user = await lockedUser(store, tx, context);
      const checked = checkAttributes(pool, UserAttributes!, 'update');
      checkWritable(client, checked.map((a) => a.Name!));
      const mustVerifyFirst = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
      const autoVerified = pool.AutoVerifiedAttributes ?? [];
      const contacts = checked.filter(
        (a): a is { Name: ContactAttribute; Value: string } => isVerifiable(a.Name!) && a.Value !== attributeValue(user, a.Name!),
      );
      const held = contacts.filter((a) => mustVerifyFirst.includes(a.Name));
      const applied = checked.filter((a) => !held.some((h) => h === a));
      const updated = await applyAttributeChanges(store, tx, pool, user, applied, now.getTime());
      await tx.put(store.table(users), updated);
      const details: CodeDeliveryDetailsType[] = [];
      for (const change of contacts) {
        const isHeld = held.includes(change);
        // A value set directly replaces one still waiting for its code.
        if (isHeld) await holdUpdate(store, tx, updated, change.Name, change.Value);
        else await dropHeldUpdate(store, tx, updated, change.Name);
        if (isHeld || autoVerified.includes(change.Name)) {
          details.push(await sendVerificationCode(deps, tx, updated, change.Name, change.Value, now));
        }
      }
      return details;
    });
    return sent.length ? { CodeDeliveryDetailsList: sent } : {};
  };
