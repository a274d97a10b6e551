import type { UserPoolGroupProperties } from 'cloudform-types/types/cognito/userPoolGroup.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { changed, deleting, generatedName } from './common.js';

// AWS::Cognito::UserPoolGroup. Ref is the group name; no Fn::GetAtt attributes. GroupName and UserPoolId are
// create-only (registry schema createOnlyProperties); Description, Precedence and RoleArn update in place.

type Props = Resolved<UserPoolGroupProperties>;

const settings = ({ Description, Precedence, RoleArn }: Props) => ({ Description, Precedence, RoleArn });

const createGroup = (props: Props, GroupName: string) => ({ ...settings(props), UserPoolId: props.UserPoolId, GroupName });

export const userPoolGroup: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolGroup',

  replaces: (previous, next) => changed(previous, next, ['GroupName', 'UserPoolId']),

  presetId: (_ctx, logicalId, props) => props.GroupName ?? generatedName(logicalId),

  createRequest: (logicalId, props) => ({ operation: 'CreateGroup', request: createGroup(props, props.GroupName ?? logicalId) }),

  poolScopedName: true,

  async create(ctx, logicalId, props, pinnedId) {
    const GroupName = props.GroupName ?? pinnedId ?? generatedName(logicalId);
    await ctx.cognito('CreateGroup', createGroup(props, GroupName));
    return { physicalId: GroupName, attributes: {} };
  },

  async update(ctx, current, next, previous) {
    // UpdateGroup keeps what it is not given; a removed description is cleared explicitly (CloudFormation removes it).
    const Description = next.Description ?? (previous.Description === undefined ? undefined : '');
    await ctx.cognito('UpdateGroup', { ...settings(next), Description, UserPoolId: next.UserPoolId, GroupName: current.physicalId });
    return current;
  },

  async delete(ctx, current, props) {
    await deleting(ctx.cognito('DeleteGroup', { UserPoolId: props.UserPoolId, GroupName: current.physicalId }));
  },
};
