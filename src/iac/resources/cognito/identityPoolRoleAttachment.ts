import type { IdentityPoolRoleAttachmentProperties } from 'cloudform-types/types/cognito/identityPoolRoleAttachment.js';
import type { ResourceProvider, Resolved } from '../provider.js';
import { changed, deleting } from './common.js';

// AWS::Cognito::IdentityPoolRoleAttachment: SetIdentityPoolRoles for the pool. Ref returns the IdentityPoolId, as
// does Fn::GetAtt Id (resource docs, "Return values"). IdentityPoolId is "Update requires: Replacement"; Roles and
// RoleMappings update in place. Deleting the attachment clears the pool's roles. In templates RoleMappings is a map
// keyed by any name whose values may say their provider in `IdentityProvider` ("If the IdentityProvider field isn't
// provided in this object, the string is used as the identity provider name"); the API wants it keyed by provider.

type Props = Resolved<IdentityPoolRoleAttachmentProperties>;

interface TemplateRoleMapping {
  IdentityProvider?: string;
  [member: string]: unknown;
}

function roleMappings(mappings: Props['RoleMappings']): Record<string, unknown> | undefined {
  if (!mappings) return undefined;
  return Object.fromEntries(
    Object.entries(mappings as Record<string, TemplateRoleMapping>).map(([key, { IdentityProvider, ...mapping }]) => [IdentityProvider ?? key, mapping]),
  );
}

const setRoles = (props: Props) => ({ IdentityPoolId: props.IdentityPoolId, Roles: props.Roles ?? {}, RoleMappings: roleMappings(props.RoleMappings) });

export const identityPoolRoleAttachment: ResourceProvider<Props> = {
  type: 'AWS::Cognito::IdentityPoolRoleAttachment',

  replaces: (previous, next) => changed(previous, next, ['IdentityPoolId']),

  async create(ctx, _logicalId, props) {
    await ctx.cognitoIdentity('SetIdentityPoolRoles', setRoles(props));
    return { physicalId: props.IdentityPoolId, attributes: { Id: props.IdentityPoolId } };
  },

  async update(ctx, current, next) {
    await ctx.cognitoIdentity('SetIdentityPoolRoles', setRoles(next));
    return current;
  },

  async delete(ctx, current) {
    await deleting(ctx.cognitoIdentity('SetIdentityPoolRoles', { IdentityPoolId: current.physicalId, Roles: {} }));
  },
};
