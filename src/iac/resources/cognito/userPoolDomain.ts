import type { CreateUserPoolDomainRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolDomainProperties } from 'cloudform-types/types/cognito/userPoolDomain.js';
import type { ProviderContext, Provisioned, ResourceProvider, Resolved } from '../provider.js';
import { changed } from './common.js';

// AWS::Cognito::UserPoolDomain. Ref is the domain; Fn::GetAtt gives CloudFrontDistribution (CloudFormation docs,
// Return values). Domain and UserPoolId require replacement (docs "Update requires: Replacement"); the certificate
// (CustomDomainConfig) and ManagedLoginVersion update in place.

/** cloudform-types' domain properties, with ManagedLoginVersion (newer than it) taken from the API. */
type Props = Resolved<UserPoolDomainProperties> & Pick<CreateUserPoolDomainRequest, 'ManagedLoginVersion'>;

async function provisioned(ctx: ProviderContext, props: Props): Promise<Provisioned> {
  const { DomainDescription } = await ctx.cognito('DescribeUserPoolDomain', { Domain: props.Domain });
  return { physicalId: props.Domain, attributes: { CloudFrontDistribution: DomainDescription.CloudFrontDistribution } };
}

export const userPoolDomain: ResourceProvider<Props> = {
  type: 'AWS::Cognito::UserPoolDomain',

  replaces: (previous, next) => changed(previous, next, ['Domain', 'UserPoolId']),

  createRequest: (_logicalId, props) => ({ operation: 'CreateUserPoolDomain', request: props }),

  async create(ctx, _logicalId, props) {
    await ctx.cognito('CreateUserPoolDomain', props);
    return provisioned(ctx, props);
  },

  async update(ctx, _current, next) {
    await ctx.cognito('UpdateUserPoolDomain', next);
    return provisioned(ctx, next);
  },

  // Cognito refuses to delete a pool that still has a domain, so the pool is always there when its domain goes.
  async delete(ctx, current, props) {
    await ctx.cognito('DeleteUserPoolDomain', { UserPoolId: props.UserPoolId, Domain: current.physicalId });
  },
};
