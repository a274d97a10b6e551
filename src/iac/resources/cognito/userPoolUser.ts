import type { UserPoolUserProperties } from 'cloudform-types/types/cognito/userPoolUser.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { deleting, everyPropertyCreateOnly, generatedName } from './common.js';

// AWS::Cognito::UserPoolUser. Ref is the user name; no Fn::GetAtt attributes. Every property is create-only
// (registry schema createOnlyProperties: UserPoolId, Username, UserAttributes, ValidationData, ClientMetadata,
// MessageAction, DesiredDeliveryMediums, ForceAliasCreation), so any change makes a new user.

type Props = Resolved<UserPoolUserProperties>;

export const userPoolUser: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolUser',

  ...everyPropertyCreateOnly,

  createRequest: (logicalId, props) => ({ operation: 'AdminCreateUser', request: { ...props, Username: props.Username ?? logicalId } }),

  poolScopedName: true,

  async create(ctx, logicalId, props) {
    const Username = props.Username ?? generatedName(logicalId);
    await ctx.cognito('AdminCreateUser', { ...props, Username });
    return { physicalId: Username, attributes: {} };
  },

  async delete(ctx, current, props) {
    await deleting(ctx.cognito('AdminDeleteUser', { UserPoolId: props.UserPoolId, Username: current.physicalId }));
  },
};
