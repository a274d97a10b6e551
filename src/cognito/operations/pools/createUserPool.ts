import type { CreateUserPoolRequest, CreateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../../../store/store.js';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { POOL_DEFAULTS } from '../../model/poolDefaults.js';
import { poolSchema } from '../../model/schema.js';
import { poolStats, userPoolToApi, userPools, type UserPoolRecord } from '../../model/userPool.js';
import { checkPoolSettings } from './poolSettings.js';

export const CreateUserPool =
  ({ store, clock, ids }: Pick<Deps, 'store' | 'clock' | 'ids'>): Operation<CreateUserPoolRequest, CreateUserPoolResponse> =>
  async (ctx, request) => {
    checkPoolSettings(request);
    const id = ctx.pinnedId !== undefined ? await pinnedPoolId(store, ctx.region, ctx.pinnedId) : ids.userPoolId(ctx.region);
    const now = clock.now().getTime();
    const { PoolName, Schema, Policies, ...settings } = request;
    const pool: UserPoolRecord = {
      ...POOL_DEFAULTS,
      ...settings,
      Id: id,
      Name: PoolName!,
      Policies: {
        PasswordPolicy: { ...POOL_DEFAULTS.Policies.PasswordPolicy, ...Policies?.PasswordPolicy },
        SignInPolicy: { ...POOL_DEFAULTS.Policies.SignInPolicy, ...Policies?.SignInPolicy },
      },
      SchemaAttributes: poolSchema(Schema),
      Arn: `arn:aws:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/${id}`,
      CreationDate: now,
      LastModifiedDate: now,
    };
    await store.transact(id, async (tx) => {
      await tx.put(store.table(userPools), pool);
      await tx.put(store.table(poolStats), { UserPoolId: id, users: 0 });
    });
    return { UserPool: userPoolToApi(pool, 0) };
  };

/** A pinned pool id must look like one of this region's (`<region>_<alphanumerics>`) and be free. */
async function pinnedPoolId(store: Store, region: string, id: string): Promise<string> {
  if (!new RegExp(`^${region}_[0-9A-Za-z]{1,40}$`).test(id)) {
    throw new InvalidParameterException(`The pinned user pool id ${id} must be ${region}_ followed by letters and digits.`);
  }
  if (await store.table(userPools).get([id])) throw new InvalidParameterException(`A user pool with the pinned id ${id} already exists.`);
  return id;
}
