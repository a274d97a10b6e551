import type { StackRecord, StackResource } from '../../iac/stacks/stackRecord.js';
import { parseRouteKey, type RouteKey } from './routeSelection.js';

// The HTTP APIs (API Gateway v2) the stacks declare, read from each resource's resolved properties: an Api's
// PhysicalId is its id, and Routes, Integrations, Authorizers and Stages name their Api by that id (ApiId), as
// routes name integrations (`integrations/<IntegrationId>`) and authorizers (AuthorizerId) by theirs.
// Shapes: the CloudFormation AWS::ApiGatewayV2::* property references.

export interface HttpApi {
  id: string;
  name: string;
  cors?: CorsConfiguration;
  /** StageName → stage; `$default` is served at the API's root. */
  stages: Map<string, { name: string }>;
  routes: HttpRoute[];
}

export interface CorsConfiguration {
  AllowOrigins?: string[];
  AllowMethods?: string[];
  AllowHeaders?: string[];
  ExposeHeaders?: string[];
  MaxAge?: number;
  AllowCredentials?: boolean;
}

export interface HttpRoute {
  routeKey: string;
  key: RouteKey;
  authorizationType: 'NONE' | 'JWT' | 'CUSTOM' | 'AWS_IAM';
  authorizer?: HttpAuthorizer;
  scopes: string[];
  integration?: HttpIntegration;
}

export interface HttpIntegration {
  type: string;
  /** The function ARN an AWS_PROXY integration invokes (from the ARN or the invocation-URI form). */
  functionArn?: string;
  payloadFormatVersion: '1.0' | '2.0';
}

export type HttpAuthorizer =
  | { type: 'JWT'; name: string; identitySource: string[]; issuer: string; audience: string[] }
  | {
      type: 'REQUEST';
      name: string;
      identitySource: string[];
      functionArn: string;
      payloadFormatVersion: '1.0' | '2.0';
      simpleResponses: boolean;
    };

type Props = Record<string, any>;

export function buildHttpApis(stacks: StackRecord[]): Map<string, HttpApi> {
  const resources = stacks.flatMap((stack) => Object.values(stack.Resources)).filter((r) => !r.Accepted);
  const ofType = (type: string): StackResource[] => resources.filter((r) => r.Type === type);
  const apis = new Map<string, HttpApi>();
  for (const resource of ofType('AWS::ApiGatewayV2::Api')) {
    const props = resource.Properties as Props;
    // WEBSOCKET APIs are a different service; only HTTP ones are served here.
    if (props.ProtocolType !== 'HTTP') continue;
    apis.set(resource.PhysicalId, {
      id: resource.PhysicalId,
      name: String(props.Name ?? resource.PhysicalId),
      ...(props.CorsConfiguration ? { cors: props.CorsConfiguration as CorsConfiguration } : {}),
      stages: new Map(),
      routes: [],
    });
  }
  for (const stage of ofType('AWS::ApiGatewayV2::Stage')) {
    const props = stage.Properties as Props;
    const name = String(props.StageName);
    apis.get(String(props.ApiId))?.stages.set(name, { name });
  }
  const integrations = byId(ofType('AWS::ApiGatewayV2::Integration'), integration);
  const authorizers = byId(ofType('AWS::ApiGatewayV2::Authorizer'), authorizer);
  for (const route of ofType('AWS::ApiGatewayV2::Route')) {
    const props = route.Properties as Props;
    const api = apis.get(String(props.ApiId));
    if (!api) continue;
    const target = typeof props.Target === 'string' ? /^integrations\/(.+)$/.exec(props.Target)?.[1] : undefined;
    const auth = props.AuthorizerId === undefined ? undefined : authorizers.get(String(props.AuthorizerId));
    api.routes.push({
      routeKey: String(props.RouteKey),
      key: parseRouteKey(String(props.RouteKey)),
      authorizationType: (props.AuthorizationType ?? 'NONE') as HttpRoute['authorizationType'],
      ...(auth ? { authorizer: auth } : {}),
      scopes: Array.isArray(props.AuthorizationScopes) ? props.AuthorizationScopes.map(String) : [],
      ...(target && integrations.has(target) ? { integration: integrations.get(target)! } : {}),
    });
  }
  return apis;
}

function byId<T>(resources: StackResource[], read: (props: Props) => T): Map<string, T> {
  return new Map(resources.map((r) => [r.PhysicalId, read(r.Properties as Props)]));
}

function integration(props: Props): HttpIntegration {
  const arn = lambdaArn(props.IntegrationUri);
  return {
    type: String(props.IntegrationType),
    ...(arn ? { functionArn: arn } : {}),
    payloadFormatVersion: String(props.PayloadFormatVersion) === '1.0' ? '1.0' : '2.0',
  };
}

function authorizer(props: Props): HttpAuthorizer {
  const name = String(props.Name);
  const identitySource = Array.isArray(props.IdentitySource) ? props.IdentitySource.map(String) : [];
  if (props.AuthorizerType === 'REQUEST') {
    return {
      type: 'REQUEST',
      name,
      identitySource,
      functionArn: lambdaArn(props.AuthorizerUri) ?? String(props.AuthorizerUri),
      payloadFormatVersion: String(props.AuthorizerPayloadFormatVersion) === '1.0' ? '1.0' : '2.0',
      simpleResponses: props.EnableSimpleResponses === true,
    };
  }
  const jwt = (props.JwtConfiguration ?? {}) as Props;
  return {
    type: 'JWT',
    name,
    identitySource,
    issuer: String(jwt.Issuer ?? ''),
    audience: Array.isArray(jwt.Audience) ? jwt.Audience.map(String) : [],
  };
}

/**
 * A Lambda function ARN from an IntegrationUri / AuthorizerUri: either the ARN itself or the invocation URI
 * `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations`.
 */
export function lambdaArn(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return undefined;
  const invocation = /:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/.exec(uri);
  if (invocation) return invocation[1];
  return /^arn:[^:]+:lambda:/.test(uri) ? uri : undefined;
}
