import type { IdentityPoolProperties } from 'cloudform-types/types/cognito/identityPool.js';
import { randomIds } from '../../../cognito/ids.js';
import { regionalId } from '../../../cognitoIdentity/ids.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { checkPinned, deleting } from './common.js';

// AWS::Cognito::IdentityPool. Ref is the pool id (`<region>:<uuid>`); Fn::GetAtt Id and Name. No property is
// create-only (registry schema: every property "Update requires: No interruption"), so any change is an
// UpdateIdentityPool, which replaces the settings as a whole. IdentityPoolTags is a list of {Key, Value} in templates
// and a map in the API; CognitoEvents, CognitoStreams and PushSync belong to Cognito Sync, which cogniform does not
// emulate: they are accepted and ignored. The id is chosen before the create (presetId) and passed to
// CreateIdentityPool as its pinned id, so that a reconcile cut off by a crash during the create knows which pool to
// remove (../provider.ts).

type Props = Resolved<IdentityPoolProperties> & { IdentityPoolTags?: { Key: string; Value: string }[] };

/** The UpdateIdentityPool/CreateIdentityPool request for the properties; a pool without a name gets the logical ID. */
function request(logicalId: string, props: Props) {
  const tags = props.IdentityPoolTags && Object.fromEntries(props.IdentityPoolTags.map((tag) => [tag.Key, tag.Value]));
  return {
    IdentityPoolName: props.IdentityPoolName ?? logicalId,
    AllowUnauthenticatedIdentities: props.AllowUnauthenticatedIdentities,
    AllowClassicFlow: props.AllowClassicFlow,
    SupportedLoginProviders: props.SupportedLoginProviders,
    DeveloperProviderName: props.DeveloperProviderName,
    OpenIdConnectProviderARNs: props.OpenIdConnectProviderARNs,
    CognitoIdentityProviders: props.CognitoIdentityProviders,
    SamlProviderARNs: props.SamlProviderARNs,
    IdentityPoolTags: tags,
  };
}

const provisioned = (pool: { IdentityPoolId: string; IdentityPoolName: string }) => ({
  physicalId: pool.IdentityPoolId,
  attributes: { Id: pool.IdentityPoolId, Name: pool.IdentityPoolName },
});

export const identityPool: ResourceProvider<Props> = {
  type: 'AWS::Cognito::IdentityPool',

  replaces: () => false,

  presetId: (ctx) => regionalId({ ids: randomIds }, ctx.region),

  async create(ctx, logicalId, props, pinnedId) {
    const pool = await ctx.cognitoIdentity('CreateIdentityPool', request(logicalId, props), pinnedId ? { pinnedId } : undefined);
    checkPinned('AWS::Cognito::IdentityPool', pinnedId, pool.IdentityPoolId);
    return provisioned(pool);
  },

  async update(ctx, current, next) {
    const keptName = String(current.attributes.Name);
    // A pool created without a name keeps the one it got (the logical ID) while the template gives none.
    return provisioned(await ctx.cognitoIdentity('UpdateIdentityPool', { IdentityPoolId: current.physicalId, ...request(keptName, next) }));
  },

  async delete(ctx, current) {
    await deleting(ctx.cognitoIdentity('DeleteIdentityPool', { IdentityPoolId: current.physicalId }));
  },
};
