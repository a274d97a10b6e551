import { gatewayId, recordedProvider } from '../recorded.js';

// REST APIs (v1): AWS::ApiGateway::* as the CloudFormation docs' "Return values" give them. The local gateway
// (src/gateway/rest) serves them from the stack; ids keep AWS's shapes (10 characters for an API, 6 for the rest).

export const restApi = recordedProvider({
  type: 'AWS::ApiGateway::RestApi',
  id: () => gatewayId(10),
  // RootResourceId must stay the same while the API does: derived from the API id.
  attributes: (_ctx, id) => ({ RestApiId: id, RootResourceId: id.slice(0, 6).split('').reverse().join('') }),
});

export const restResource = recordedProvider({
  type: 'AWS::ApiGateway::Resource',
  id: () => gatewayId(6),
  attributes: (_ctx, id) => ({ ResourceId: id }),
  replaceOn: ['RestApiId', 'ParentId', 'PathPart'],
});

export const restMethod = recordedProvider({
  type: 'AWS::ApiGateway::Method',
  id: (_ctx, logicalId) => `${logicalId}-${gatewayId(8)}`,
  replaceOn: ['RestApiId', 'ResourceId', 'HttpMethod'],
});

export const restAuthorizer = recordedProvider({
  type: 'AWS::ApiGateway::Authorizer',
  id: () => gatewayId(6),
  attributes: (_ctx, id) => ({ AuthorizerId: id }),
  replaceOn: ['RestApiId'],
});

export const restDeployment = recordedProvider({
  type: 'AWS::ApiGateway::Deployment',
  id: () => gatewayId(6),
  attributes: (_ctx, id) => ({ DeploymentId: id }),
  replaceOn: ['RestApiId'],
});

export const restStage = recordedProvider({
  type: 'AWS::ApiGateway::Stage',
  id: (_ctx, _logicalId, props) => String(props.StageName ?? 'stage'),
  replaceOn: ['RestApiId', 'StageName'],
});
