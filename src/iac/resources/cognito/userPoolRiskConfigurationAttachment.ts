import type { UserPoolRiskConfigurationAttachmentProperties } from 'cloudform-types/types/cognito/userPoolRiskConfigurationAttachment.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { changed, deleting, generatedName } from './common.js';

// AWS::Cognito::UserPoolRiskConfigurationAttachment: threat protection settings for a client (or `ALL`). Ref is a
// generated ID; no Fn::GetAtt attributes. ClientId and UserPoolId are create-only (registry schema
// createOnlyProperties); the three configurations update in place. Deleting sets the configuration empty, as the
// CloudFormation handler does (its delete permissions are SetRiskConfiguration and DescribeRiskConfiguration).

type Props = Resolved<UserPoolRiskConfigurationAttachmentProperties>;

export const userPoolRiskConfigurationAttachment: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolRiskConfigurationAttachment',

  replaces: (previous, next) => changed(previous, next, ['ClientId', 'UserPoolId']),

  async create(ctx, logicalId, props) {
    await ctx.cognito('SetRiskConfiguration', props);
    return { physicalId: generatedName(logicalId), attributes: {} };
  },

  async update(ctx, current, next) {
    await ctx.cognito('SetRiskConfiguration', next);
    return current;
  },

  async delete(ctx, _current, props) {
    await deleting(ctx.cognito('SetRiskConfiguration', { UserPoolId: props.UserPoolId, ClientId: props.ClientId }));
  },
};
