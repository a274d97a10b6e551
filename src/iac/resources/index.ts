import { httpApi, httpAuthorizer, httpIntegration, httpRoute, httpStage } from './apiGateway/httpApi.js';
import { restApi, restAuthorizer, restDeployment, restMethod, restResource, restStage } from './apiGateway/restApi.js';
import { identityPool } from './cognito/identityPool.js';
import { identityPoolRoleAttachment } from './cognito/identityPoolRoleAttachment.js';
import { userPool } from './cognito/userPool.js';
import { userPoolClient } from './cognito/userPoolClient.js';
import { userPoolDomain } from './cognito/userPoolDomain.js';
import { userPoolGroup } from './cognito/userPoolGroup.js';
import { userPoolIdentityProvider } from './cognito/userPoolIdentityProvider.js';
import { userPoolResourceServer } from './cognito/userPoolResourceServer.js';
import { userPoolRiskConfigurationAttachment } from './cognito/userPoolRiskConfigurationAttachment.js';
import { userPoolUICustomizationAttachment } from './cognito/userPoolUICustomizationAttachment.js';
import { userPoolUser } from './cognito/userPoolUser.js';
import { userPoolUserToGroupAttachment } from './cognito/userPoolUserToGroupAttachment.js';
import { lambdaFunction } from './lambda/function.js';
import type { ResourceProvider } from './provider.js';
import { bucket } from './s3/bucket.js';

export { acceptedProvider } from './accepted.js';
export type { CognitoCallOptions, ProviderContext, Provisioned, Resolved, ResourceProvider } from './provider.js';

// The one registry: CloudFormation type → provider. A type not here is accepted, not emulated (./accepted.ts).

// Each provider is typed by its own properties; the reconciler hands them the resolved properties of their type.
const providers = [
  userPool,
  userPoolClient,
  userPoolDomain,
  userPoolGroup,
  userPoolIdentityProvider,
  userPoolResourceServer,
  userPoolRiskConfigurationAttachment,
  userPoolUICustomizationAttachment,
  userPoolUser,
  userPoolUserToGroupAttachment,
  identityPool,
  identityPoolRoleAttachment,
  restApi,
  restResource,
  restMethod,
  restAuthorizer,
  restDeployment,
  restStage,
  httpApi,
  httpRoute,
  httpIntegration,
  httpAuthorizer,
  httpStage,
  lambdaFunction,
  bucket,
] as unknown as ResourceProvider[];

const byType = new Map(providers.map((provider) => [provider.type, provider]));

export function providerFor(type: string): ResourceProvider | undefined {
  return byType.get(type);
}
