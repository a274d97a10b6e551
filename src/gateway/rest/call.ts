import type { GatewayDeps, GatewayRequest } from '../routes.js';
import type { Granted } from './authorization.js';
import type { RouteMatch } from './match.js';
import type { RestApiModel } from './model.js';
import { domainName, identity, requestIds, requestParts, requestTime, type RequestIds, type RequestParts } from './request.js';

// One request on its way through a REST API: what the authorizers and the integration both read.

export interface RestCall extends RequestIds, RequestParts {
  api: RestApiModel;
  request: GatewayRequest;
  match: RouteMatch;
  stageVariables: Record<string, string> | null;
  /** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path>`: what authorizer policies name. */
  methodArn: string;
}

export function restCall(
  deps: Pick<GatewayDeps, 'region' | 'accountId'>, api: RestApiModel, request: GatewayRequest, match: RouteMatch,
): RestCall {
  return {
    api,
    request,
    match,
    stageVariables: api.stages.get(request.stage) ?? null,
    methodArn: `arn:aws:execute-api:${deps.region}:${deps.accountId}:${api.id}/${request.stage}/${request.method.toUpperCase()}${request.path}`,
    ...requestIds(),
    ...requestParts(request),
  };
}

/** The request as the proxy event and the REQUEST authorizer's event both describe it. */
export function requestFields(call: RestCall) {
  return {
    resource: call.match.resource.path,
    path: call.request.path,
    httpMethod: call.request.method.toUpperCase(),
    headers: call.headers,
    multiValueHeaders: call.multiValueHeaders,
    queryStringParameters: call.queryStringParameters,
    multiValueQueryStringParameters: call.multiValueQueryStringParameters,
    pathParameters: call.match.pathParameters,
    stageVariables: call.stageVariables,
  };
}

/** `requestContext` of the proxy event and of the REQUEST authorizer's event. */
export function requestContext(
  deps: Pick<GatewayDeps, 'region' | 'accountId'>, call: RestCall, { context: authorizer, caller }: Granted = {},
): Record<string, unknown> {
  const { request, api } = call;
  const domain = domainName(request, `${api.id}.execute-api.${deps.region}.amazonaws.com`);
  return {
    resourceId: call.match.resource.id,
    resourcePath: call.match.resource.path,
    httpMethod: request.method.toUpperCase(),
    extendedRequestId: call.extendedRequestId,
    requestTime: requestTime(request.receivedAt),
    path: `/${request.stage}${request.path}`,
    accountId: deps.accountId,
    protocol: 'HTTP/1.1',
    stage: request.stage,
    domainPrefix: domain.split('.')[0]!.split(':')[0]!,
    requestTimeEpoch: request.receivedAt,
    requestId: call.requestId,
    identity: identity(request, caller),
    domainName: domain,
    apiId: api.id,
    ...(authorizer ? { authorizer } : {}),
  };
}
