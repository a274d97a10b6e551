import { gatewayId, recordedProvider } from '../recorded.js';

// HTTP APIs (v2): AWS::ApiGatewayV2::* as the CloudFormation docs' "Return values" give them. The local gateway
// (src/gateway/http) serves them from the stack.

export const httpApi = recordedProvider({
  type: 'AWS::ApiGatewayV2::Api',
  id: () => gatewayId(10),
  attributes: (ctx, id) => ({ ApiId: id, ApiEndpoint: `https://${id}.execute-api.${ctx.region}.amazonaws.com` }),
  replaceOn: ['ProtocolType'],
});

export const httpRoute = recordedProvider({
  type: 'AWS::ApiGatewayV2::Route',
  id: () => gatewayId(7),
  attributes: (_ctx, id) => ({ RouteId: id }),
  replaceOn: ['ApiId'],
});

export const httpIntegration = recordedProvider({
  type: 'AWS::ApiGatewayV2::Integration',
  id: () => gatewayId(7),
  attributes: (_ctx, id) => ({ IntegrationId: id }),
  replaceOn: ['ApiId'],
});

export const httpAuthorizer = recordedProvider({
  type: 'AWS::ApiGatewayV2::Authorizer',
  id: () => gatewayId(6),
  attributes: (_ctx, id) => ({ AuthorizerId: id }),
  replaceOn: ['ApiId'],
});

export const httpStage = recordedProvider({
  type: 'AWS::ApiGatewayV2::Stage',
  id: (_ctx, _logicalId, props) => String(props.StageName ?? '$default'),
  replaceOn: ['ApiId', 'StageName'],
});
