import type { UserPoolUserToGroupAttachmentProperties } from 'cloudform-types/types/cognito/userPoolUserToGroupAttachment.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { deleting, everyPropertyCreateOnly, generatedName } from './common.js';

// AWS::Cognito::UserPoolUserToGroupAttachment. Ref "returns a generated ID, such as
// UserToGroupAttachment-YejJvzrEXAMPLE" (CloudFormation docs, Return values); no Fn::GetAtt attributes. All three
// properties require replacement.

type Props = Resolved<UserPoolUserToGroupAttachmentProperties>;

const membership = ({ UserPoolId, Username, GroupName }: Props) => ({ UserPoolId, Username, GroupName });

export const userPoolUserToGroupAttachment: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolUserToGroupAttachment',

  ...everyPropertyCreateOnly,

  createRequest: (_logicalId, props) => ({ operation: 'AdminAddUserToGroup', request: membership(props) }),

  async create(ctx, logicalId, props) {
    await ctx.cognito('AdminAddUserToGroup', membership(props));
    return { physicalId: generatedName(logicalId), attributes: {} };
  },

  async delete(ctx, _current, props) {
    await deleting(ctx.cognito('AdminRemoveUserFromGroup', membership(props)));
  },
};
