// `http` events → the REST API (API Gateway v1) the framework generates: `ApiGatewayRestApi`, one
// `ApiGatewayResource<Path>` per path segment, `ApiGatewayMethod<Path><Method>` (Lambda proxy), the `OPTIONS`
// method of `cors:`, authorizers, `<Fn>LambdaPermissionApiGateway`, `ApiGatewayDeployment<id>` and the
// `ServiceEndpoint` output. Source: osls 3.77.1 lib/plugins/aws/package/compile/events/api-gateway/lib/
// {validate,rest-api,resources,method/*,authorizers,cors,permissions,deployment}.js.
import { createHash } from 'node:crypto';
import type { PropertyPath } from '../../template.js';
import {
  asObject, executeApiSourceArn, functionArn, lambdaInvocationUri, type Compilation, type Config, type ServerlessFunction,
} from './compilation.js';
import { compileRestCors, corsOf, type Cors } from './compileRestCors.js';
import { naming, normalizedFunctionName, normalizePath } from './naming.js';

interface HttpEvent {
  fn: ServerlessFunction;
  at: PropertyPath;
  /** Without leading or trailing `/`; '' is the root. */
  path: string;
  method: string;
  config: Config;
}

const REST_API = { Ref: naming.restApi };
const COGNITO_ARN = /^arn:[a-zA-Z-]+:cognito-idp:/;

export function compileRestApi(c: Compilation): void {
  const events = httpEvents(c);
  if (events.length === 0) return;
  const apiGateway = asObject(c.provider.apiGateway);
  c.addResource(naming.restApi, {
    Type: 'AWS::ApiGateway::RestApi',
    Properties: {
      Name: typeof c.provider.apiName === 'string'
        ? c.provider.apiName
        : apiGateway.shouldStartNameWithService ? `${c.service}-${c.stage}` : `${c.stage}-${c.service}`,
      EndpointConfiguration: { Types: [String(c.provider.endpointType ?? 'EDGE').toUpperCase()] },
      Policy: '',
    },
  }, ['provider']);

  const resourceIds = compileResources(c, events);
  const methodIds: string[] = [];
  const cors = new Map<string, Cors>();
  for (const event of events) {
    if (event.config.cors) cors.set(event.path, corsOf(c, event, cors.get(event.path)));
  }
  methodIds.push(...compileRestCors(c, cors, resourceIds, events));
  for (const event of events) methodIds.push(compileMethod(c, event, resourceIds));

  // The framework names the deployment after the run (`ApiGatewayDeployment<instanceId>`), so every deploy makes a
  // new one. Here the name follows the methods instead: stable while the API is unchanged, new when it changes.
  const digest = createHash('sha256').update(JSON.stringify(methodIds.map((id) => c.template.Resources[id]))).digest();
  c.addResource(naming.deployment(String(digest.readUIntBE(0, 6))), {
    Type: 'AWS::ApiGateway::Deployment',
    Properties: { RestApiId: REST_API, StageName: c.stage },
    DependsOn: methodIds,
  }, ['functions']);
  c.addOutput('ServiceEndpoint', {
    Description: 'URL of the service endpoint',
    Value: {
      'Fn::Join': ['', ['https://', REST_API, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, `/${c.stage}`]],
    },
  });
}

function httpEvents(c: Compilation): HttpEvent[] {
  const events: HttpEvent[] = [];
  for (const fn of c.functions) {
    for (const [i, event] of (Array.isArray(fn.config.events) ? fn.config.events : []).entries()) {
      const http = asObject(event).http;
      if (http === undefined) continue;
      const at = ['functions', fn.key, 'events', i, 'http'];
      // `http: GET hello` is short for `{ method: GET, path: hello }` (validate.js getHttp).
      const config = typeof http === 'string' ? { method: http.split(' ')[0], path: http.split(' ')[1] } : asObject(http);
      if (typeof config.path !== 'string' || typeof config.method !== 'string') {
        throw c.error(at, 'an http event needs a path and a method');
      }
      events.push({ fn, at, path: config.path.replace(/^\//, '').replace(/\/$/, ''), method: config.method.toLowerCase(), config });
    }
  }
  return events;
}

/** One resource per path prefix (`admin`, `admin/{id}`); returns path → how a method refers to it. */
function compileResources(c: Compilation, events: HttpEvent[]): Map<string, unknown> {
  const ids = new Map<string, unknown>([['', { 'Fn::GetAtt': [naming.restApi, 'RootResourceId'] }]]);
  for (const event of events) {
    const parts = event.path ? event.path.split('/') : [];
    for (let n = 1; n <= parts.length; n++) {
      const path = parts.slice(0, n).join('/');
      if (ids.has(path)) continue;
      const logicalId = naming.resource(path);
      c.addResource(logicalId, {
        Type: 'AWS::ApiGateway::Resource',
        Properties: { ParentId: ids.get(parts.slice(0, n - 1).join('/')), PathPart: parts[n - 1], RestApiId: REST_API },
      }, event.at);
      ids.set(path, { Ref: logicalId });
    }
  }
  return ids;
}

function compileMethod(c: Compilation, event: HttpEvent, resourceIds: Map<string, unknown>): string {
  const permissionId = naming.restPermission(event.fn.key);
  const authorization = compileAuthorization(c, event);
  const logicalId = naming.method(normalizePath(event.path), event.method);
  c.addResource(logicalId, {
    Type: 'AWS::ApiGateway::Method',
    Properties: {
      HttpMethod: event.method.toUpperCase(),
      RequestParameters: {},
      ResourceId: resourceIds.get(event.path),
      RestApiId: REST_API,
      ApiKeyRequired: Boolean(event.config.private),
      ...authorization.properties,
      Integration: { IntegrationHttpMethod: 'POST', Type: 'AWS_PROXY', Uri: lambdaInvocationUri(functionArn(event.fn)) },
      MethodResponses: [],
    },
    // The authorizer's DependsOn replaces the permission's (method/index.js merges arrays by index).
    DependsOn: authorization.dependsOn ?? [permissionId],
  }, event.at);
  c.addResource(permissionId, lambdaPermission(functionArn(event.fn)), ['functions', event.fn.key]);
  return logicalId;
}

function lambdaPermission(arn: unknown) {
  return {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      FunctionName: arn,
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: executeApiSourceArn(naming.restApi, '/*/*'),
    },
  };
}

/**
 * The method's authorization (method/authorization.js), compiling the authorizer it names (authorizers.js):
 * `{ type, authorizerId }` uses an authorizer defined elsewhere; `arn` (a Cognito pool's, or a Lambda's) or a
 * function's name makes `<Name>ApiGatewayAuthorizer`.
 */
function compileAuthorization(c: Compilation, event: HttpEvent): { properties: Config; dependsOn?: string[] } {
  const given = event.config.authorizer;
  if (given === undefined || given === null) return { properties: { AuthorizationType: 'NONE' } };
  const authorizer: Config = typeof given === 'string'
    ? given.toUpperCase() === 'AWS_IAM' ? { type: 'AWS_IAM' } : given.includes(':') ? { arn: given } : { name: given }
    : asObject(given);
  const type = typeof authorizer.type === 'string' ? authorizer.type.toUpperCase() : undefined;
  const scopes = Array.isArray(authorizer.scopes) && authorizer.scopes.length ? { AuthorizationScopes: authorizer.scopes } : {};
  if (type === 'AWS_IAM') return { properties: { AuthorizationType: 'AWS_IAM' } };
  if (type && authorizer.authorizerId !== undefined) {
    const authorizationType = type === 'TOKEN' || type === 'REQUEST' ? 'CUSTOM' : authorizer.type;
    return {
      properties: { AuthorizationType: authorizationType, AuthorizerId: authorizer.authorizerId, ...(type === 'COGNITO_USER_POOLS' ? scopes : {}) },
    };
  }

  const at = [...event.at, 'authorizer'];
  let arn = authorizer.arn;
  let name = typeof authorizer.name === 'string' ? authorizer.name : undefined;
  if (arn === undefined) {
    const fn = c.functions.find((candidate) => candidate.key === name);
    if (!fn) throw c.error(at, `names no function of this service and gives no arn (authorizer "${name ?? ''}")`);
    arn = functionArn(fn);
  } else if (name === undefined) {
    if (typeof arn !== 'string') throw c.error(at, 'an authorizer whose arn is not a plain string needs a name');
    // validate.js extractAuthorizerNameFromArn: the part after the last `:`, after its last `-`.
    name = arn.slice(arn.lastIndexOf(':') + 1).split('-').at(-1)!;
  }
  const cognito = type === 'COGNITO_USER_POOLS' || (typeof arn === 'string' && COGNITO_ARN.test(arn));
  const ttl = Number.parseInt(String(authorizer.resultTtlInSeconds), 10);
  const logicalId = naming.restAuthorizer(name!);
  c.addResource(logicalId, {
    Type: 'AWS::ApiGateway::Authorizer',
    Properties: {
      AuthorizerResultTtlInSeconds: Number.isNaN(ttl) ? 300 : ttl,
      IdentitySource: authorizer.identitySource ?? 'method.request.header.Authorization',
      Name: name,
      RestApiId: REST_API,
      ...(typeof authorizer.identityValidationExpression === 'string'
        ? { IdentityValidationExpression: authorizer.identityValidationExpression }
        : {}),
      ...(cognito ? { Type: 'COGNITO_USER_POOLS', ProviderARNs: [arn] } : { AuthorizerUri: lambdaInvocationUri(arn), Type: type ?? 'TOKEN' }),
    },
  }, at);
  if (!cognito) c.addResource(`${normalizedFunctionName(name!)}LambdaPermissionApiGateway`, lambdaPermission(arn), at);
  return {
    properties: { AuthorizationType: cognito ? 'COGNITO_USER_POOLS' : 'CUSTOM', AuthorizerId: { Ref: logicalId }, ...(cognito ? scopes : {}) },
    dependsOn: [logicalId],
  };
}
