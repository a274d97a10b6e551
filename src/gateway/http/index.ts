import type { StackRecord } from '../../iac/stacks/stackRecord.js';
import { functionName } from '../../lambda/functions.js';
import { authorizeIam } from '../auth/iamAuthorize.js';
import type { ApiGateway, GatewayDeps, GatewayRequest, GatewayResponse, RouteListing } from '../routes.js';
import { isPreflight, preflightResponse, withCorsHeaders } from './cors.js';
import { eventV1, eventV2, type EventInput } from './events.js';
import { authorizeJwt, type AuthorizerOutcome } from './jwtAuthorizer.js';
import { authorizeLambda } from './lambdaAuthorizer.js';
import { buildHttpApis, type HttpApi, type HttpRoute } from './model.js';
import { gatewayError, internalServerError, responseV1, responseV2 } from './responses.js';
import { selectRoute } from './routeSelection.js';

// HTTP APIs (API Gateway v2) served from the stacks: AWS::ApiGatewayV2::Api / Route / Integration / Authorizer /
// Stage, whether written by hand or compiled from serverless `httpApi` events (src/iac/load/serverless/
// compileHttpApi.ts). A request goes: stage → route → CORS preflight → authorizer → function → response.

const notFound = () => gatewayError(404, 'Not Found');

export function createHttpGateway(stacks: StackRecord[], deps: GatewayDeps): ApiGateway {
  const apis = buildHttpApis(stacks);
  return {
    has: (apiId) => apis.has(apiId),
    async handle(request) {
      const api = apis.get(request.apiId);
      if (!api) return notFound();
      const response = await handle(api, request, deps);
      return api.cors && !isPreflight(request) ? withCorsHeaders(api.cors, request, response) : response;
    },
    routes: (baseUrl) => [...apis.values()].flatMap((api) => listRoutes(api, baseUrl, deps)),
  };
}

async function handle(api: HttpApi, request: GatewayRequest, deps: GatewayDeps): Promise<GatewayResponse> {
  // A stage the API lacks falls to `$default`; without one the API answers Not Found ("Routing API requests").
  const stage = api.stages.get(request.stage) ?? api.stages.get('$default');
  if (!stage) return notFound();
  const match = selectRoute(api.routes, request.method, request.path);
  // The gateway answers preflights, unless an OPTIONS route or the `$default` route is there to take them (the
  // docs' caveat on CORS with a `$default` route: it "catches requests for all methods ... including OPTIONS").
  const routeTakesPreflight = match && (match.route.key.kind === '$default' || match.route.key.method === 'OPTIONS');
  if (api.cors && isPreflight(request) && !routeTakesPreflight) return preflightResponse(api.cors, request);
  if (!match) return notFound();
  const { route } = match;
  const input: EventInput = {
    request,
    accountId: deps.accountId,
    stage: stage.name,
    routeKey: route.routeKey,
    resource: route.key.kind === 'path' ? route.key.path : '$default',
    pathParameters: match.pathParameters,
  };
  const outcome = await authorize(route, input, deps);
  if ('response' in outcome) return outcome.response;
  return invoke(route, { ...input, ...(outcome.authorization ? { authorization: outcome.authorization } : {}) }, deps);
}

async function authorize(route: HttpRoute, input: EventInput, deps: GatewayDeps): Promise<AuthorizerOutcome | { authorization?: undefined }> {
  const { authorizer } = route;
  if (route.authorizationType === 'JWT' && authorizer?.type === 'JWT') return authorizeJwt(authorizer, route.scopes, input.request, deps);
  if (route.authorizationType === 'CUSTOM' && authorizer?.type === 'REQUEST') return authorizeLambda(authorizer, input, deps);
  if (route.authorizationType === 'AWS_IAM') {
    const outcome = await authorizeIam(input.request, deps);
    if ('caller' in outcome) return { authorization: { kind: 'iam', caller: outcome.caller } };
    // Unsigned: HTTP APIs' plain 403 `{"message":"Forbidden"}` (second-hand: the peer emulators of floci-io/floci#2810
    // and KensioSoftware/yulin#303 answer it); signed but refused: the SigV4 reason, as REST gives it.
    if ('unsigned' in outcome) return { response: gatewayError(403, 'Forbidden') };
    return { response: gatewayError(403, outcome.refusal.message, { 'x-amzn-errortype': outcome.refusal.errorType }) };
  }
  if (route.authorizationType !== 'NONE') {
    deps.log.error(`HTTP API ${input.request.apiId}: route ${route.routeKey} names an authorizer the API does not have`);
    return { response: internalServerError() };
  }
  return {};
}

async function invoke(route: HttpRoute, input: EventInput, deps: GatewayDeps): Promise<GatewayResponse> {
  const integration = route.integration;
  const fn = integration?.functionArn ? deps.functions.find(integration.functionArn) : undefined;
  if (!integration || !fn) {
    deps.log.error(`HTTP API ${input.request.apiId}: route ${route.routeKey} has no local function to invoke (${integration?.functionArn ?? 'no integration'})`);
    return internalServerError();
  }
  const v1 = integration.payloadFormatVersion === '1.0';
  let result: unknown;
  try {
    result = await fn.invoke(v1 ? eventV1(input) : eventV2(input));
  } catch (error) {
    deps.log.error(`Function ${fn.name} failed on ${route.routeKey}`, error);
    return internalServerError();
  }
  return v1 ? responseV1(result) : responseV2(result);
}

function listRoutes(api: HttpApi, baseUrl: string, deps: GatewayDeps): RouteListing[] {
  const stages = [...api.stages.keys()].sort();
  return stages.flatMap((stage) => api.routes.map((route): RouteListing => {
    const path = route.key.kind === 'path' ? route.key.path : '$default';
    const arn = route.integration?.functionArn;
    return {
      apiId: api.id,
      apiType: 'HTTP',
      stage,
      method: route.key.kind === 'path' ? route.key.method : 'ANY',
      path,
      url: `${baseUrl}/restapis/${api.id}/${stage}/_user_request_${path === '$default' ? '/' : path}`,
      authorizer: route.authorizationType === 'NONE'
        ? null
        : { type: route.authorizationType, name: route.authorizer?.name ?? route.authorizationType, scopes: route.scopes },
      function: arn ? (deps.functions.find(arn)?.name ?? functionName(arn)) : null,
    };
  }));
}
