import type { UserPoolUICustomizationAttachmentProperties } from 'cloudform-types/types/cognito/userPoolUiCustomizationAttachment.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { changed, deleting, generatedName, unlessNotEmulated } from './common.js';

// AWS::Cognito::UserPoolUICustomizationAttachment: the hosted UI's CSS for a client (or `ALL`). Ref is a generated
// ID; no Fn::GetAtt attributes. ClientId and UserPoolId are create-only (registry schema createOnlyProperties);
// CSS updates in place. Deleting sets the customization without CSS, which clears it.

type Props = Resolved<UserPoolUICustomizationAttachmentProperties>;

const TYPE = 'AWS::Cognito::UserPoolUICustomizationAttachment';
const customization = ({ UserPoolId, ClientId, CSS }: Props) => ({ UserPoolId, ClientId, CSS });

export const userPoolUICustomizationAttachment: ResourceProvider<Props> = {
  type: TYPE,

  replaces: (previous, next) => changed(previous, next, ['ClientId', 'UserPoolId']),

  async create(ctx, logicalId, props) {
    await unlessNotEmulated(ctx, TYPE, ctx.cognito('SetUICustomization', customization(props)));
    return { physicalId: generatedName(logicalId), attributes: {} };
  },

  async update(ctx, current, next) {
    await unlessNotEmulated(ctx, TYPE, ctx.cognito('SetUICustomization', customization(next)));
    return current;
  },

  async delete(ctx, _current, props) {
    const clearing = ctx.cognito('SetUICustomization', { UserPoolId: props.UserPoolId, ClientId: props.ClientId });
    await deleting(unlessNotEmulated(ctx, TYPE, clearing));
  },
};
