import type { UserPoolUICustomizationAttachmentProperties } from 'cloudform-types/types/cognito/userPoolUiCustomizationAttachment.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { changed, deleting, generatedName } from './common.js';

// AWS::Cognito::UserPoolUICustomizationAttachment: the hosted UI's CSS for a client (or `ALL`). Ref is a generated
// ID; no Fn::GetAtt attributes. ClientId and UserPoolId are create-only (registry schema createOnlyProperties);
// CSS updates in place. Deleting sets the customization without CSS, which clears it.

type Props = Resolved<UserPoolUICustomizationAttachmentProperties>;

const customization = ({ UserPoolId, ClientId, CSS }: Props) => ({ UserPoolId, ClientId, CSS });

/**
 * Branding lives on the pool's domain: once the domain is gone, so is the branding, and SetUICustomization answers
 * this error (hashicorp/terraform-provider-aws counts it as destroyed for the same reason).
 */
const domainGone = (error: unknown) =>
  (error as { type?: unknown }).type === 'InvalidParameterException' &&
  (error as Error).message.startsWith('There has to be an existing domain associated with this user pool');

export const userPoolUICustomizationAttachment: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolUICustomizationAttachment',

  replaces: (previous, next) => changed(previous, next, ['ClientId', 'UserPoolId']),

  async create(ctx, logicalId, props) {
    await ctx.cognito('SetUICustomization', customization(props));
    return { physicalId: generatedName(logicalId), attributes: {} };
  },

  async update(ctx, current, next) {
    await ctx.cognito('SetUICustomization', customization(next));
    return current;
  },

  async delete(ctx, _current, props) {
    try {
      await deleting(ctx.cognito('SetUICustomization', { UserPoolId: props.UserPoolId, ClientId: props.ClientId }));
    } catch (error) {
      if (!domainGone(error)) throw error;
    }
  },
};
