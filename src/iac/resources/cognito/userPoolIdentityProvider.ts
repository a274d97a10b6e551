import type { UserPoolIdentityProviderProperties } from 'cloudform-types/types/cognito/userPoolIdentityProvider.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { changed, deleting } from './common.js';

// AWS::Cognito::UserPoolIdentityProvider. Ref is the provider name; no Fn::GetAtt attributes. ProviderName,
// ProviderType and UserPoolId are create-only (registry schema createOnlyProperties); ProviderDetails,
// AttributeMapping and IdpIdentifiers update in place.

type Props = Resolved<UserPoolIdentityProviderProperties>;

export const userPoolIdentityProvider: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolIdentityProvider',

  replaces: (previous, next) => changed(previous, next, ['ProviderName', 'ProviderType', 'UserPoolId']),

  createRequest: (_logicalId, props) => ({ operation: 'CreateIdentityProvider', request: props }),

  poolScopedName: true,

  async create(ctx, _logicalId, props) {
    await ctx.cognito('CreateIdentityProvider', props);
    return { physicalId: props.ProviderName, attributes: {} };
  },

  async update(ctx, current, next) {
    const { ProviderType, ...settings } = next;
    await ctx.cognito('UpdateIdentityProvider', settings);
    return current;
  },

  async delete(ctx, current, props) {
    await deleting(ctx.cognito('DeleteIdentityProvider', { UserPoolId: props.UserPoolId, ProviderName: current.physicalId }));
  },
};
