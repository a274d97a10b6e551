import type { Store, Transaction } from '../../../../store/store.js';
import { AliasExistsException, UsernameExistsException } from '../../../errors.js';
import { aliasesOf, users, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';
import { setAttributes } from './attributes.js';

export interface ClaimOptions {
  /** AdminCreateUser's ForceAliasCreation: take a verified email or phone number from the user who has it. */
  force: boolean;
  /** Whether the user is being created: in pools with UsernameAttributes a taken value is then a taken username. */
  creating: boolean;
  now: number;
}

/**
 * Makes sure no other user signs in with the aliases `user` gains, inside the pool's transaction. Messages as AWS
 * words them for SignUp and AdminCreateUser ("An account with the given email already exists.").
 */
export async function claimAliases(
  store: Store,
  tx: Transaction,
  pool: UserPoolRecord,
  user: UserRecord,
  previous: UserRecord['Aliases'],
  { force, creating, now }: ClaimOptions,
): Promise<void> {
  const byUsername = Boolean(pool.UsernameAttributes?.length);
  const gained = user.Aliases.filter((a) => !previous.some((p) => p.Name === a.Name && p.Value === a.Value));
  for (const alias of gained) {
    const holder = await store.table(users).findOne('byAlias', [pool.Id, alias.Name, alias.Value]);
    if (!holder || holder.UsernameKey === user.UsernameKey) continue;
    const message = `An account with the given ${alias.Name} already exists.`;
    if (creating && byUsername) throw new UsernameExistsException(message);
    // ForceAliasCreation applies to verified emails and phone numbers only (AdminCreateUser reference); the
    // previous holder keeps the attribute but it is no longer verified, so it is no longer a sign-in alias.
    if (!force || byUsername || alias.Name === 'preferred_username') throw new AliasExistsException(message);
    const Attributes = setAttributes(holder.Attributes, [{ Name: `${alias.Name}_verified`, Value: 'false' }]);
    const Aliases = aliasesOf(pool, Attributes);
    await tx.put(store.table(users), { ...holder, Attributes, Aliases, UserLastModifiedDate: now });
  }
}
