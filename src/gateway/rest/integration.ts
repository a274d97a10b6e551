import type { GatewayDeps, GatewayResponse } from '../routes.js';
import type { Granted } from './authorization.js';
import { headerValue, isBinary } from './binary.js';
import { requestContext, requestFields, type RestCall } from './call.js';
import { gatewayResponse, responses } from './gatewayResponses.js';
import type { RestIntegration } from './model.js';
import { proxyResult, toResponse } from './proxyResponse.js';

// Calling a method's integration: Lambda proxy (AWS_PROXY) with the payload 1.0 event, or MOCK, which answers
// with its integration response's static headers (the CORS preflight methods serverless generates).

export async function integrate(
  deps: Pick<GatewayDeps, 'functions' | 'log' | 'region' | 'accountId'>,
  integration: RestIntegration,
  call: RestCall,
  granted: Granted,
): Promise<GatewayResponse> {
  const ids = { 'x-amzn-requestid': call.requestId, 'x-amz-apigw-id': call.extendedRequestId };
  if (integration.type === 'MOCK') {
    return { status: integration.statusCode, headers: { 'content-type': 'application/json', ...lower(integration.headers), ...ids }, body: '' };
  }
  if (integration.type !== 'AWS_PROXY') {
    deps.log.error(`REST API ${call.api.id}: ${integration.name} integrations are not emulated (${call.request.method} ${call.match.resource.path})`);
    return gatewayResponse(responses.integrationFailure, call.requestId);
  }
  const fn = deps.functions.find(integration.functionArn);
  if (!fn) {
    deps.log.error(`REST API ${call.api.id}: no local function ${integration.functionArn}`);
    return gatewayResponse(responses.integrationFailure, call.requestId);
  }
  let result: unknown;
  try {
    result = await fn.invoke(proxyEvent(deps, call, granted));
  } catch (error) {
    deps.log.error(`Function ${fn.name} failed`, error);
    return gatewayResponse(responses.badGateway, call.requestId);
  }
  const mapped = proxyResult(result);
  if (!mapped) {
    deps.log.error(`Function ${fn.name} returned a malformed Lambda proxy response`);
    return gatewayResponse(responses.badGateway, call.requestId);
  }
  const { binaryMediaTypes } = call.api;
  const accept = headerValue(call.request.headers, 'accept')?.split(',')[0];
  const decode = isBinary(binaryMediaTypes, accept) || isBinary(binaryMediaTypes, headerValue(mapped.headers, 'content-type'));
  const response = toResponse(mapped, decode);
  return { ...response, headers: { ...response.headers, ...ids } };
}

/** The Lambda proxy integration's event (payload 1.0). */
export function proxyEvent(
  deps: Pick<GatewayDeps, 'region' | 'accountId'>, call: RestCall, granted: Granted,
): Record<string, unknown> {
  const { request } = call;
  const binary = isBinary(call.api.binaryMediaTypes, headerValue(request.headers, 'content-type'));
  return {
    ...requestFields(call),
    requestContext: requestContext(deps, call, granted),
    body: request.body.length ? request.body.toString(binary ? 'base64' : 'utf8') : null,
    isBase64Encoded: binary && request.body.length > 0,
  };
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
