import type { StackRecord, StackResource } from '../../iac/stacks/stackRecord.js';

// The REST APIs (v1) as the stacks declare them: AWS::ApiGateway::RestApi, Resource, Method, Authorizer, Deployment
// and Stage, read from each resource's resolved properties. Refs in them are already physical ids: a Method's
// RestApiId is the API's PhysicalId, its ResourceId a Resource's PhysicalId or the API's RootResourceId, its
// AuthorizerId an Authorizer's PhysicalId (src/iac/resources/apiGateway/restApi.ts).

export type AuthorizationType = 'NONE' | 'COGNITO_USER_POOLS' | 'CUSTOM' | 'AWS_IAM';

export interface RestAuthorizer {
  id: string;
  name: string;
  type: 'COGNITO_USER_POOLS' | 'TOKEN' | 'REQUEST';
  /** COGNITO_USER_POOLS: the pool ids of ProviderARNs (`arn:aws:cognito-idp:<region>:<account>:userpool/<id>`). */
  poolIds: string[];
  /** `method.request.header.Authorization`, or (REQUEST) a comma-separated list of mapping expressions. */
  identitySource: string;
  validationExpression?: string;
  /** TOKEN, REQUEST: the function AuthorizerUri invokes. */
  functionArn?: string;
  /** AuthorizerResultTtlInSeconds, 300 when unset (CreateAuthorizer reference). */
  ttlSeconds: number;
}

export type RestIntegration =
  | { type: 'AWS_PROXY'; functionArn: string }
  | { type: 'MOCK'; statusCode: number; headers: Record<string, string> }
  | { type: 'UNSUPPORTED'; name: string };

export interface RestMethod {
  /** `GET`, ..., or `ANY`. */
  httpMethod: string;
  authorizationType: AuthorizationType;
  authorizer?: RestAuthorizer;
  scopes: string[];
  apiKeyRequired: boolean;
  integration: RestIntegration;
}

export interface RestResource {
  id: string;
  /** The resource path as the event's `resource` gives it: `/`, `/users/{id}`, `/{proxy+}`. */
  path: string;
  /** Methods by upper-cased HttpMethod. */
  methods: Map<string, RestMethod>;
}

export interface RestApiModel {
  id: string;
  name: string;
  /** Stage name → its stage variables (null when it has none, as the event's `stageVariables`). */
  stages: Map<string, Record<string, string> | null>;
  binaryMediaTypes: string[];
  /** Every resource with its full path. */
  resources: RestResource[];
}

const INVOCATION_URI = /:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/;

/** Every REST API of every stack. */
export function restApis(stacks: StackRecord[]): Map<string, RestApiModel> {
  const all = stacks.flatMap((stack) => Object.values(stack.Resources));
  const ofType = (type: string) => all.filter((resource) => resource.Type === type);
  const apis = new Map<string, RestApiModel>();
  for (const api of ofType('AWS::ApiGateway::RestApi')) {
    apis.set(api.PhysicalId, {
      id: api.PhysicalId,
      name: str(api.Properties.Name) ?? api.PhysicalId,
      stages: new Map(),
      binaryMediaTypes: strings(api.Properties.BinaryMediaTypes),
      resources: resourcesOf(api, ofType('AWS::ApiGateway::Resource')),
    });
  }
  for (const deployment of ofType('AWS::ApiGateway::Deployment')) {
    const stage = str(deployment.Properties.StageName);
    if (stage) apis.get(str(deployment.Properties.RestApiId) ?? '')?.stages.set(stage, null);
  }
  for (const stage of ofType('AWS::ApiGateway::Stage')) {
    const name = str(stage.Properties.StageName);
    const variables = stage.Properties.Variables as Record<string, string> | undefined;
    if (name) apis.get(str(stage.Properties.RestApiId) ?? '')?.stages.set(name, variables && Object.keys(variables).length ? variables : null);
  }
  const authorizers = new Map(ofType('AWS::ApiGateway::Authorizer').map((a) => [a.PhysicalId, authorizerOf(a)]));
  for (const method of ofType('AWS::ApiGateway::Method')) {
    const api = apis.get(str(method.Properties.RestApiId) ?? '');
    const resource = api?.resources.find((r) => r.id === str(method.Properties.ResourceId));
    const httpMethod = str(method.Properties.HttpMethod)?.toUpperCase();
    if (!resource || !httpMethod) continue;
    const authorizationType = (str(method.Properties.AuthorizationType)?.toUpperCase() ?? 'NONE') as AuthorizationType;
    resource.methods.set(httpMethod, {
      httpMethod,
      authorizationType,
      authorizer: authorizationType === 'NONE' ? undefined : authorizers.get(str(method.Properties.AuthorizerId) ?? ''),
      scopes: strings(method.Properties.AuthorizationScopes),
      apiKeyRequired: method.Properties.ApiKeyRequired === true || method.Properties.ApiKeyRequired === 'true',
      integration: integrationOf(method.Properties.Integration as Record<string, unknown> | undefined),
    });
  }
  return apis;
}

/** The API's resources with their full paths, from the root (the API's RootResourceId) down. */
function resourcesOf(api: StackResource, candidates: StackResource[]): RestResource[] {
  const rootId = str(api.Attributes.RootResourceId) ?? '';
  const own = candidates.filter((r) => str(r.Properties.RestApiId) === api.PhysicalId);
  const found: RestResource[] = [{ id: rootId, path: '/', methods: new Map() }];
  for (let i = 0; i < found.length; i++) {
    const parent = found[i]!;
    for (const child of own.filter((r) => str(r.Properties.ParentId) === parent.id)) {
      const part = str(child.Properties.PathPart) ?? '';
      found.push({ id: child.PhysicalId, path: `${parent.path === '/' ? '' : parent.path}/${part}`, methods: new Map() });
    }
  }
  return found;
}

function authorizerOf(resource: StackResource): RestAuthorizer {
  const p = resource.Properties;
  const type = (str(p.Type)?.toUpperCase() ?? 'TOKEN') as RestAuthorizer['type'];
  const ttl = Number(p.AuthorizerResultTtlInSeconds ?? 300);
  return {
    id: resource.PhysicalId,
    name: str(p.Name) ?? resource.PhysicalId,
    type,
    poolIds: strings(p.ProviderARNs).map((arn) => arn.slice(arn.lastIndexOf('/') + 1)),
    identitySource: str(p.IdentitySource) ?? (type === 'REQUEST' ? '' : 'method.request.header.Authorization'),
    validationExpression: str(p.IdentityValidationExpression),
    functionArn: str(p.AuthorizerUri)?.match(INVOCATION_URI)?.[1],
    ttlSeconds: Number.isFinite(ttl) ? ttl : 300,
  };
}

function integrationOf(integration: Record<string, unknown> | undefined): RestIntegration {
  const type = str(integration?.Type)?.toUpperCase() ?? 'NONE';
  const functionArn = str(integration?.Uri)?.match(INVOCATION_URI)?.[1];
  if (type === 'AWS_PROXY' && functionArn) return { type, functionArn };
  if (type === 'MOCK') {
    // The default integration response (no SelectionPattern) answers: a MOCK's request template selects a status
    // code, and the `{statusCode:200}` templates serverless writes select the 200 one.
    const responses = (integration?.IntegrationResponses ?? []) as Record<string, unknown>[];
    const chosen = responses.find((r) => !r.SelectionPattern) ?? responses[0] ?? {};
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries((chosen.ResponseParameters ?? {}) as Record<string, unknown>)) {
      const header = key.match(/^method\.response\.header\.(.+)$/)?.[1];
      // Static values are quoted (`'*'`); values mapped from the request are not emulated.
      const literal = typeof value === 'string' ? value.match(/^'(.*)'$/s)?.[1] : undefined;
      if (header && literal !== undefined) headers[header] = literal;
    }
    return { type, statusCode: Number(chosen.StatusCode ?? 200), headers };
  }
  return { type: 'UNSUPPORTED', name: type };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
