import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, Transaction } from '../../../store/store.js';
import { Constraints, PATTERNS } from '../../constraints.js';
import { UserNotFoundException } from '../../errors.js';
import { hidesUsers, type UserPoolClientRecord } from '../../model/client.js';
import { findUser, type UserRecord } from '../../model/user.js';
import type { UserPoolRecord } from '../../model/userPool.js';
import { codeDeliveryDetails } from '../../codes/delivery.js';
import { codeMismatch } from '../../codes/pendingCodes.js';
import { EMAIL, PHONE } from '../users/attributes/attributes.js';
import { checkUsername } from '../users/checks.js';
import { checkSecretHash, clientById, type SignInClient } from '../signIn/flow/signInClient.js';

// What the public (unsigned) code operations that name a ClientId share: the client and its pool (with sign-in's
// SECRET_HASH check), the user they name, and PreventUserExistenceErrors.

/** ClientIdType and SecretHashType (API reference): both sensitive, so their values stay out of messages. */
export function checkPublicRequest(clientId: string, username: string, secretHash: string | undefined): Constraints {
  return checkUsername(username, new Constraints())
    .length('clientId', clientId, 1, 128, true)
    .pattern('clientId', clientId, PATTERNS.clientId, true)
    .length('secretHash', secretHash, 1, 128, true)
    .pattern('secretHash', secretHash, '[\\w+=/]+', true);
}

/**
 * The client and its pool; a client with a secret must send the right SecretHash (sign-in's check, the same
 * messages for SignUp and the other public operations).
 */
export async function requirePublicClient(
  store: Store,
  clientId: string,
  username: string,
  secretHash: string | undefined,
): Promise<SignInClient> {
  const found = await clientById(store, clientId);
  checkSecretHash(found.client, secretHash, [username]);
  return found;
}

/** Whether the client hides which users exist (PreventUserExistenceErrors ENABLED; unset behaves as LEGACY). */

/** AWS's answer to a public operation naming an unknown user (LEGACY clients). */
export const unknownUser = () => new UserNotFoundException('Username/client id combination not found.');

/**
 * The user an operation that takes a code names (username, alias or sub). Unknown: UserNotFoundException, or the
 * wrong-code answer when the client hides which users exist (API reference, "Managing user existence error
 * responses").
 */
export async function requireCodeUser(
  store: Store,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  username: string,
): Promise<UserRecord> {
  const user = await findUser(store, pool, username);
  if (!user) throw hidesUsers(client) ? codeMismatch() : unknownUser();
  return user;
}

/**
 * What a client with PreventUserExistenceErrors answers for an unknown user instead of UserNotFoundException: a
 * delivery that looks real (API reference, "Managing user existence error responses": code delivery is simulated).
 * The destination is made from the name given when it is an address or number; cogniform's own choice.
 */
export function simulatedDelivery(username: string): CodeDeliveryDetailsType {
  if (PHONE.test(username)) return codeDeliveryDetails({ attribute: 'phone_number', destination: username });
  const destination = EMAIL.test(username) ? username : `${username}@${username}`;
  return codeDeliveryDetails({ attribute: 'email', destination });
}

/**
 * What ForgotPassword and ResendConfirmationCode share: a public request naming a user, answered with where a code
 * went. `send` runs under the pool's lock for an existing user; an unknown one is UserNotFoundException, or a
 * delivery that looks real when the client hides which users exist.
 */
export async function sendToUser(
  store: Store,
  { ClientId, Username, SecretHash }: { ClientId?: string; Username?: string; SecretHash?: string },
  send: (tx: Transaction, pool: UserPoolRecord, user: UserRecord) => Promise<CodeDeliveryDetailsType>,
): Promise<CodeDeliveryDetailsType> {
  checkPublicRequest(ClientId!, Username!, SecretHash).throwIfAny();
  const { pool, client } = await requirePublicClient(store, ClientId!, Username!, SecretHash);
  return store.transact(pool.Id, async (tx) => {
    const user = await findUser(store, pool, Username!);
    if (!user) {
      if (hidesUsers(client)) return simulatedDelivery(Username!);
      throw unknownUser();
    }
    return send(tx, pool, user);
  });
}
