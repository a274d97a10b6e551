import type { GatewayDeps } from '../routes.js';
import { eventV1, eventV2, type EventInput } from './events.js';
import { identityValues } from './identitySource.js';
import type { AuthorizerOutcome } from './jwtAuthorizer.js';
import type { HttpAuthorizer } from './model.js';
import { gatewayError, internalServerError } from './responses.js';

// Lambda REQUEST authorizers of HTTP APIs (AWS docs, http-api-lambda-authorizer): a missing identity source is
// 401 without calling the function; the function gets the request (payload 2.0: the request event with `type`,
// `routeArn` and `identitySource` and no body; 1.0: REST's request-authorizer event with `methodArn`) and answers
// either `{isAuthorized, context}` (simple responses) or an IAM policy for the route's ARN. Denied is 403
// {"message":"Forbidden"}; a failing function or an answer that is neither is 500. Results are not cached.

type RequestAuthorizer = Extract<HttpAuthorizer, { type: 'REQUEST' }>;

export async function authorizeLambda(
  authorizer: RequestAuthorizer,
  input: EventInput,
  deps: Pick<GatewayDeps, 'functions' | 'log' | 'region'>,
): Promise<AuthorizerOutcome> {
  const { request } = input;
  const identity = identityValues(authorizer.identitySource, request);
  if (authorizer.identitySource.length > 0 && !identity) return { response: gatewayError(401, 'Unauthorized') };
  const fn = deps.functions.find(authorizer.functionArn);
  if (!fn) {
    deps.log.error(`Lambda authorizer ${authorizer.name}: no local function ${authorizer.functionArn}`);
    return { response: internalServerError() };
  }
  const routeArn = `arn:aws:execute-api:${deps.region}:${input.accountId}:${request.apiId}/${input.stage}/${request.method}${request.path}`;
  let result: unknown;
  try {
    result = await fn.invoke(authorizerEvent(authorizer, input, routeArn, identity ?? []));
  } catch (error) {
    deps.log.error(`Lambda authorizer ${authorizer.name} failed`, error);
    return { response: internalServerError() };
  }
  const answer = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
  const context = (typeof answer.context === 'object' && answer.context !== null ? answer.context : {}) as Record<string, unknown>;
  const allowed = authorizer.simpleResponses && typeof answer.isAuthorized === 'boolean'
    ? answer.isAuthorized
    : policyAllows(answer.policyDocument, routeArn);
  if (allowed === undefined) return { response: internalServerError() };
  if (!allowed) return { response: gatewayError(403, 'Forbidden') };
  return { authorization: { kind: 'lambda', context } };
}

function authorizerEvent(authorizer: RequestAuthorizer, input: EventInput, routeArn: string, identity: string[]): unknown {
  if (authorizer.payloadFormatVersion === '1.0') {
    const { body: _body, isBase64Encoded: _encoded, version: _version, ...request } = eventV1(input);
    return { version: '1.0', type: 'REQUEST', methodArn: routeArn, identitySource: identity.join(','), ...request };
  }
  const { body: _body, isBase64Encoded: _encoded, version: _version, ...request } = eventV2(input);
  return { version: '2.0', type: 'REQUEST', routeArn, identitySource: identity, ...request };
}

/**
 * Whether an IAM policy lets the route through: an explicit Deny matching its ARN wins, then an Allow; undefined
 * when there is no policy at all (a malformed answer).
 */
function policyAllows(policy: unknown, routeArn: string): boolean | undefined {
  if (typeof policy !== 'object' || policy === null) return undefined;
  const statements = [(policy as { Statement?: unknown }).Statement ?? []].flat() as Record<string, unknown>[];
  const matching = statements.filter((statement) =>
    [statement.Resource ?? []].flat().some((resource) => typeof resource === 'string' && arnMatches(resource, routeArn)));
  if (matching.some((statement) => statement.Effect === 'Deny')) return false;
  return matching.some((statement) => statement.Effect === 'Allow');
}

function arnMatches(pattern: string, arn: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(arn);
}
