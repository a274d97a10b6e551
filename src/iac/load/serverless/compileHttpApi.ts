// `httpApi` events → the HTTP API (API Gateway v2) the framework generates: `HttpApi`, `HttpApiStage` ($default,
// auto-deployed), `HttpApiAuthorizer<Name>` for each of provider.httpApi.authorizers, and per function
// `<Fn>LambdaPermissionHttpApi` + `HttpApiIntegration<Fn>`, per route `HttpApiRoute<Method><Path>`, plus the
// `HttpApiId` / `HttpApiUrl` outputs. Source: osls 3.77.1 lib/plugins/aws/package/compile/events/http-api.js.
// Left out: an external API (`provider.httpApi.id`), access logs, Lambda `request` authorizers' caching options.
import {
  asList, asObject, executeApiSourceArn, functionArn, lambdaInvocationUri, type Compilation, type Config,
} from './compilation.js';
import { naming, normalizedFunctionName } from './naming.js';

const METHODS = new Set(['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'OPTIONS', 'HEAD', 'DELETE']);
const DEFAULT_CORS_HEADERS = [
  'Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id',
];
const HTTP_API = { Ref: naming.httpApi };

export function compileHttpApi(c: Compilation): void {
  const config = asObject(c.provider.httpApi);
  const routes = collectRoutes(c);
  if (routes.length === 0) return;
  const cors = corsConfiguration(config.cors, routes.map((route) => route.method));
  c.addResource(naming.httpApi, {
    Type: 'AWS::ApiGatewayV2::Api',
    Properties: {
      Name: typeof config.name === 'string'
        ? config.name
        : config.shouldStartNameWithService ? `${c.service}-${c.stage}` : `${c.stage}-${c.service}`,
      ...(typeof config.description === 'string' ? { Description: config.description } : {}),
      ProtocolType: 'HTTP',
      ...(cors ? { CorsConfiguration: cors } : {}),
    },
  }, ['provider', 'httpApi']);
  c.addResource(naming.httpApiStage, {
    Type: 'AWS::ApiGatewayV2::Stage',
    Properties: { ApiId: HTTP_API, StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { DetailedMetricsEnabled: Boolean(config.metrics) } },
  }, ['provider', 'httpApi']);
  c.addOutput('HttpApiId', { Description: 'Id of the HTTP API', Value: HTTP_API });
  c.addOutput('HttpApiUrl', {
    Description: 'URL of the HTTP API',
    Value: { 'Fn::Join': ['', ['https://', HTTP_API, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
  });
  const authorizers = compileAuthorizers(c, asObject(config.authorizers));

  for (const route of routes) {
    const integrationId = naming.httpApiIntegration(route.fnKey);
    const fn = c.functions.find((candidate) => candidate.key === route.fnKey)!;
    c.addResource(naming.httpApiPermission(fn.key), {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: functionArn(fn),
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: executeApiSourceArn(naming.httpApi, '/*'),
      },
    }, ['functions', fn.key]);
    c.addResource(integrationId, {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: HTTP_API,
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: functionArn(fn),
        PayloadFormatVersion: String(asObject(fn.config.httpApi).payload ?? config.payload ?? '2.0'),
        TimeoutInMillis: 30000,
      },
    }, ['functions', fn.key]);
    c.addResource(naming.httpApiRoute(route.key), {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: HTTP_API,
        RouteKey: route.key === '*' ? '$default' : route.key,
        Target: { 'Fn::Join': ['/', ['integrations', { Ref: integrationId }]] },
        ...routeAuthorization(c, route, authorizers),
      },
      // A string, not a list, as the framework writes it.
      DependsOn: integrationId,
    }, route.at);
  }
}

interface Route {
  key: string;
  method: string;
  fnKey: string;
  at: (string | number)[];
  authorizer?: Config;
}

function collectRoutes(c: Compilation): Route[] {
  const routes: Route[] = [];
  for (const fn of c.functions) {
    for (const [i, event] of asList(fn.config.events).entries()) {
      const given = asObject(event).httpApi;
      if (given === undefined) continue;
      const at = ['functions', fn.key, 'events', i, 'httpApi'];
      let method: string | undefined;
      let path: string;
      let authorizer: unknown;
      if (typeof given === 'object' && given !== null) {
        const config = given as Config;
        method = config.method === undefined ? undefined : String(config.method).toUpperCase();
        path = String(config.path);
        authorizer = config.authorizer;
      } else {
        // `httpApi: 'GET /me'` or `httpApi: '*'`
        const match = /^(?:\*|(\S+) (\/\S*))$/.exec(String(given));
        if (!match) throw c.error(at, `"${String(given)}" is neither "*" nor "<METHOD> /<path>"`);
        method = match[1]?.toUpperCase();
        path = match[2] ?? '*';
      }
      if (method === '*') method = 'ANY';
      if (path !== '*' && (!method || !METHODS.has(method))) throw c.error(at, `needs a method, one of ${[...METHODS].join(', ')} or *`);
      const key = path === '*' ? '*' : `${method} ${path}`;
      if (routes.some((route) => route.key === key)) throw c.error(at, `route "${key}" is declared twice`);
      routes.push({
        key, method: method ?? 'ANY', fnKey: fn.key, at,
        ...(authorizer === undefined ? {} : { authorizer: typeof authorizer === 'string' ? { name: authorizer } : asObject(authorizer) }),
      });
    }
  }
  return routes;
}

/** `provider.httpApi.authorizers`: every one is compiled, used or not; returns key → logical ID and type. */
function compileAuthorizers(c: Compilation, given: Config): Map<string, { logicalId: string; type: unknown }> {
  const compiled = new Map<string, { logicalId: string; type: unknown }>();
  for (const [key, value] of Object.entries(given)) {
    const config = asObject(value);
    const name = typeof config.name === 'string' ? config.name : key;
    const logicalId = naming.httpApiAuthorizer(name);
    const at = ['provider', 'httpApi', 'authorizers', key];
    const identitySource = config.identitySource ?? [];
    const properties: Config = {
      ApiId: HTTP_API,
      Name: name,
      IdentitySource: Array.isArray(identitySource) ? identitySource : [identitySource],
    };
    if (config.type === 'request') {
      const fn = c.functions.find((candidate) => candidate.key === config.functionName);
      const arn = config.functionArn ?? (fn && functionArn(fn));
      if (!arn) throw c.error(at, 'a request authorizer needs functionArn or the functionName of a function of this service');
      Object.assign(properties, {
        AuthorizerType: 'REQUEST',
        EnableSimpleResponses: config.enableSimpleResponses,
        AuthorizerResultTtlInSeconds: config.resultTtlInSeconds,
        AuthorizerPayloadFormatVersion: config.payloadVersion ?? '2.0',
        AuthorizerUri: lambdaInvocationUri(arn),
      });
      if (!config.managedExternally) {
        c.addResource(`${normalizedFunctionName(name)}LambdaAuthorizerPermissionHttpApi`, {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            FunctionName: arn, Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com',
            SourceArn: executeApiSourceArn(naming.httpApi, '/*'),
          },
        }, at);
      }
    } else {
      const audience = config.audience === undefined ? [] : Array.isArray(config.audience) ? config.audience : [config.audience];
      Object.assign(properties, { AuthorizerType: 'JWT', JwtConfiguration: { Audience: audience, Issuer: config.issuerUrl } });
    }
    // Keys with undefined values are dropped, as JSON.stringify drops them from the framework's template.
    c.addResource(logicalId, { Type: 'AWS::ApiGatewayV2::Authorizer', Properties: JSON.parse(JSON.stringify(properties)) as Config }, at);
    compiled.set(key, { logicalId, type: config.type });
  }
  return compiled;
}

function routeAuthorization(c: Compilation, route: Route, authorizers: Map<string, { logicalId: string; type: unknown }>): Config {
  const given = route.authorizer;
  if (!given) return {};
  if (given.type === 'aws_iam') return { AuthorizationType: 'AWS_IAM' };
  if (given.id !== undefined) throw c.error([...route.at, 'authorizer'], 'an authorizer id needs an external HTTP API (provider.httpApi.id), which cogniform does not load');
  const authorizer = authorizers.get(String(given.name));
  if (!authorizer) throw c.error([...route.at, 'authorizer'], `names authorizer "${String(given.name)}", which provider.httpApi.authorizers does not declare`);
  return {
    AuthorizationType: authorizer.type === 'request' ? 'CUSTOM' : 'JWT',
    AuthorizerId: { Ref: authorizer.logicalId },
    ...(Array.isArray(given.scopes) ? { AuthorizationScopes: given.scopes } : given.scopes ? { AuthorizationScopes: [given.scopes] } : {}),
  };
}

/** provider.httpApi.cors: `true` gives the defaults; methods default to those the routes use (http-api.js). */
function corsConfiguration(given: unknown, methods: string[]): Config | undefined {
  if (!given) return undefined;
  const config = asObject(given);
  const list = (value: unknown, fallback: string[]) => (value === undefined ? fallback : Array.isArray(value) ? value : [value]);
  const usedMethods = methods.includes('ANY') ? [...METHODS].filter((m) => m !== 'ANY') : methods;
  const result: Config = {
    AllowCredentials: config.allowCredentials ? true : undefined,
    AllowHeaders: list(config.allowedHeaders, DEFAULT_CORS_HEADERS),
    AllowMethods: list(config.allowedMethods, [...new Set(['OPTIONS', ...usedMethods])]),
    AllowOrigins: list(config.allowedOrigins, ['*']),
    ExposeHeaders: config.exposedResponseHeaders === undefined ? undefined : list(config.exposedResponseHeaders, []),
    MaxAge: config.maxAge,
  };
  return JSON.parse(JSON.stringify(result)) as Config;
}
