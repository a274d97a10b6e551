import type { CreateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolClientProperties } from 'cloudform-types/types/cognito/userPoolClient.js';
import { randomIds } from '../../../cognito/ids.js';
import type { Provisioned, ResourceProvider, Resolved } from '../provider.js';
import { checkPinned, deleting, generatedName } from './common.js';

// AWS::Cognito::UserPoolClient. Ref is the client id; Fn::GetAtt gives ClientId, ClientSecret and Name (CloudFormation
// docs, Return values). UserPoolId and GenerateSecret are create-only (registry schema createOnlyProperties; the
// developer guide: "To change the client secret, create a new app client"); every other property updates in place.

/** cloudform-types' client properties, with RefreshTokenRotation (newer than it) taken from the API. */
export type UserPoolClientProps = Resolved<UserPoolClientProperties> & Pick<CreateUserPoolClientRequest, 'RefreshTokenRotation'>;

function provisioned(client: { ClientId: string; ClientSecret?: string; ClientName: string }): Provisioned {
  return {
    physicalId: client.ClientId,
    attributes: { ClientId: client.ClientId, ClientSecret: client.ClientSecret, Name: client.ClientName },
  };
}

export const userPoolClient: ResourceProvider<UserPoolClientProps> = {
  type: 'AWS::Cognito::UserPoolClient',

  // An absent GenerateSecret is false: only a real change of secret-ness needs a new client.
  replaces: (previous, next) =>
    previous.UserPoolId !== next.UserPoolId || Boolean(previous.GenerateSecret) !== Boolean(next.GenerateSecret),

  presetId: () => randomIds.clientId(),

  createRequest: (logicalId, props) => ({ operation: 'CreateUserPoolClient', request: { ...props, ClientName: props.ClientName ?? logicalId } }),

  async create(ctx, logicalId, props, pinnedId) {
    const request = { ...props, ClientName: props.ClientName ?? generatedName(logicalId) };
    const { UserPoolClient } = await ctx.cognito('CreateUserPoolClient', request, pinnedId ? { pinnedId } : undefined);
    checkPinned('AWS::Cognito::UserPoolClient', pinnedId, UserPoolClient.ClientId);
    return provisioned(UserPoolClient);
  },

  async update(ctx, current, next) {
    // UpdateUserPoolClient resets what it is not given (its API reference), as CloudFormation does removed properties;
    // only the name stays when left out, so a client the template never named keeps its generated one.
    const { GenerateSecret, ...settings } = next;
    const { UserPoolClient } = await ctx.cognito('UpdateUserPoolClient', { ...settings, ClientId: current.physicalId });
    return provisioned(UserPoolClient);
  },

  async delete(ctx, current, props) {
    await deleting(ctx.cognito('DeleteUserPoolClient', { UserPoolId: props.UserPoolId, ClientId: current.physicalId }));
  },
};
