import { randomIds } from '../../../cognito/ids.js';
import type { ResourceProvider } from '../provider.js';
import { changed, checkPinned, deleting, generatedName } from './common.js';
import { retag, schemaAdditions, setMfaFactors, type UserPoolProps } from './userPoolSettings.js';

// AWS::Cognito::UserPool. Ref is the pool id; Fn::GetAtt gives Arn, ProviderName, ProviderURL and UserPoolId
// (CloudFormation docs, Return values; the registry schema's readOnlyProperties).
//
// CloudFormation's registry schema has no create-only property for a pool, yet Cognito cannot change its sign-in
// options (AliasAttributes, UsernameAttributes), its case sensitivity (UsernameConfiguration), its required
// attributes or remove custom attributes: the developer guide ("Updating user pool and app client configuration")
// says to create a new pool for those. AWS then fails the update; cogniform replaces the pool instead, so a local
// edit applies, and the reconciler reports the replacement. Everything else updates in place and keeps the users.

const SIGN_IN_SETTINGS = ['AliasAttributes', 'UsernameAttributes', 'UsernameConfiguration'] as const;

/** What UpdateUserPool cannot take, or takes elsewhere (schema, MFA factors, tags). */
function updatable(props: UserPoolProps) {
  const { UserPoolName, EnabledMfas, Schema, UserPoolTags, AliasAttributes, UsernameAttributes, UsernameConfiguration, ...rest } =
    props;
  return { ...rest, ...(UserPoolName !== undefined ? { PoolName: UserPoolName } : {}) };
}

/** CreateUserPool's request; `name` when the template gives none. */
function createPool(props: UserPoolProps, name: string) {
  const { UserPoolName, EnabledMfas, MfaConfiguration, ...settings } = props;
  return {
    ...settings,
    PoolName: UserPoolName ?? name,
    // With EnabledMfas the mode goes with the factors (SetUserPoolMfaConfig); alone it means SMS MFA, as in the API.
    ...(EnabledMfas || MfaConfiguration === undefined ? {} : { MfaConfiguration }),
  };
}

export const userPool: ResourceProvider<UserPoolProps> = {
  type: 'AWS::Cognito::UserPool',

  replaces: (previous, next) => changed(previous, next, SIGN_IN_SETTINGS) || !schemaAdditions(previous.Schema, next.Schema),

  presetId: (ctx) => randomIds.userPoolId(ctx.region),

  createRequest: (logicalId, props) => ({ operation: 'CreateUserPool', request: createPool(props, logicalId) }),

  async create(ctx, logicalId, props, pinnedId) {
    const request = createPool(props, generatedName(logicalId));
    const { UserPool } = await ctx.cognito('CreateUserPool', request, pinnedId ? { pinnedId } : undefined);
    const id: string = UserPool.Id;
    checkPinned('AWS::Cognito::UserPool', pinnedId, id);
    if (props.EnabledMfas) await setMfaFactors(ctx, id, props);
    return {
      physicalId: id,
      attributes: {
        Arn: UserPool.Arn,
        // The provider name and URL AWS gives (`cognito-idp.<region>.amazonaws.com/<id>`), whatever `--issuer` says.
        ProviderName: `cognito-idp.${ctx.region}.amazonaws.com/${id}`,
        ProviderURL: `https://cognito-idp.${ctx.region}.amazonaws.com/${id}`,
        UserPoolId: id,
      },
    };
  },

  async update(ctx, current, next, previous) {
    const id = current.physicalId;
    // UpdateUserPool resets what it is not given to the default: CloudFormation's meaning of a removed property.
    await ctx.cognito('UpdateUserPool', { ...updatable(next), UserPoolId: id });
    const added = schemaAdditions(previous.Schema, next.Schema) ?? [];
    if (added.length) await ctx.cognito('AddCustomAttributes', { UserPoolId: id, CustomAttributes: added });
    if (next.EnabledMfas || previous.EnabledMfas) await setMfaFactors(ctx, id, next);
    await retag(ctx, String(current.attributes.Arn), previous.UserPoolTags, next.UserPoolTags);
    return current;
  },

  async delete(ctx, current) {
    await deleting(ctx.cognito('DeleteUserPool', { UserPoolId: current.physicalId }));
  },
};
