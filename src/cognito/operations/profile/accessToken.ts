import type { Store, Transaction } from '../../../store/store.js';
import { Constraints } from '../../constraints.js';
import type { Deps } from '../../deps.js';
import { NotAuthorizedException, UserNotFoundException } from '../../errors.js';
import { users, type UserRecord } from '../../model/user.js';
import type { AccessTokenContext } from '../../tokens/tokens.js';

// What every operation authorized by the user's own access token does first.

/** TokenModelType (API reference): a sensitive member, so its value stays out of messages. */
export function checkAccessToken(accessToken: string, c = new Constraints()): Constraints {
  return c.pattern('accessToken', accessToken, '[A-Za-z0-9-_=.]+', true);
}

/**
 * The scope these operations require ("Authorize this action with a signed-in user's access token. It must include
 * the scope aws.cognito.signin.user.admin", API reference of each); tokens from the hosted UI lack it unless asked
 * for. AWS's message is quoted in aws-amplify/amplify-js#1906 and aws-amplify/aws-sdk-android#1813.
 */
const USER_ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/**
 * The token's pool, user and client. Forged, expired, revoked and signed-out tokens, and users since deleted or
 * disabled, are refused by the token service with AWS's messages.
 */
export async function authorize(tokens: Deps['tokens'], accessToken: string): Promise<AccessTokenContext> {
  const context = await tokens.verifyAccessToken(accessToken);
  if (!context.scopes.includes(USER_ADMIN_SCOPE)) {
    throw new NotAuthorizedException('Access Token does not have required scopes');
  }
  return context;
}

/** The token's user read again under the pool's lock, as a write must start from the current record. */
export async function lockedUser(store: Store, tx: Transaction, context: AccessTokenContext): Promise<UserRecord> {
  const user = await tx.get(store.table(users), [context.pool.Id, context.user.UsernameKey]);
  if (!user) throw new UserNotFoundException('User does not exist.');
  return user;
}
