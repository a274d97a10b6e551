import type { UpdateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { POOL_DEFAULTS } from '../../model/poolDefaults.js';
import { userPools, type UserPoolRecord } from '../../model/userPool.js';
import { checkPoolSettings, checkUserPoolId } from './poolSettings.js';

/**
 * AWS API reference, UpdateUserPool: "If you don't provide a value for an attribute, Amazon Cognito sets it to
 * its default value." So every updatable setting is replaced, not merged. What the request cannot change (id,
 * schema, username and alias attributes, case sensitivity, domains, MFA factors) is kept, and so are tags when the request
 * names none (TagResource is their usual way in).
 */
export const UpdateUserPool =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<UpdateUserPoolRequest, Record<string, never>> =>
  async (_ctx, request) => {
    checkPoolSettings(request, checkUserPoolId(request.UserPoolId!));
    const { UserPoolId, PoolName, Policies, UserPoolTags, ...settings } = request;
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      const updated: UserPoolRecord = {
        ...POOL_DEFAULTS,
        ...settings,
        Id: pool.Id,
        Name: PoolName ?? pool.Name,
        Arn: pool.Arn,
        Policies: {
          PasswordPolicy: { ...POOL_DEFAULTS.Policies.PasswordPolicy, ...Policies?.PasswordPolicy },
          SignInPolicy: { ...POOL_DEFAULTS.Policies.SignInPolicy, ...Policies?.SignInPolicy },
        },
        UserPoolTags: UserPoolTags ?? pool.UserPoolTags ?? {},
        SchemaAttributes: pool.SchemaAttributes,
        ...(pool.UsernameAttributes ? { UsernameAttributes: pool.UsernameAttributes } : {}),
        ...(pool.AliasAttributes ? { AliasAttributes: pool.AliasAttributes } : {}),
        ...(pool.UsernameConfiguration ? { UsernameConfiguration: pool.UsernameConfiguration } : {}),
        ...(pool.Domain ? { Domain: pool.Domain } : {}),
        ...(pool.CustomDomain ? { CustomDomain: pool.CustomDomain } : {}),
        // MFA factors are SetUserPoolMfaConfig's to change; UpdateUserPool has no member for them.
        ...(pool.MfaSettings ? { MfaSettings: pool.MfaSettings } : {}),
        CreationDate: pool.CreationDate,
        LastModifiedDate: clock.now().getTime(),
      };
      await tx.put(store.table(userPools), updated);
    });
    return {};
  };
