import type { UserPoolResourceServerProperties } from 'cloudform-types/types/cognito/userPoolResourceServer.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { changed, deleting } from './common.js';

// AWS::Cognito::UserPoolResourceServer. Ref is the identifier; no Fn::GetAtt attributes. Identifier and UserPoolId
// are create-only (registry schema createOnlyProperties); Name and Scopes update in place.

type Props = Resolved<UserPoolResourceServerProperties>;

export const userPoolResourceServer: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolResourceServer',

  replaces: (previous, next) => changed(previous, next, ['Identifier', 'UserPoolId']),

  createRequest: (_logicalId, props) => ({ operation: 'CreateResourceServer', request: props }),

  poolScopedName: true,

  async create(ctx, _logicalId, props) {
    await ctx.cognito('CreateResourceServer', props);
    return { physicalId: props.Identifier, attributes: {} };
  },

  // UpdateResourceServer sets the whole server: scopes left out are removed, as CloudFormation removes them.
  async update(ctx, current, next) {
    await ctx.cognito('UpdateResourceServer', next);
    return current;
  },

  async delete(ctx, current, props) {
    await deleting(ctx.cognito('DeleteResourceServer', { UserPoolId: props.UserPoolId, Identifier: current.physicalId }));
  },
};
