import type { IssuedCredentials } from '../../cognitoIdentity/credentials.js';
import { callerIdentity, iamAuthorizer } from '../auth/iamIdentity.js';
import type { GatewayRequest } from '../routes.js';
import { grouped, joined, requestParts } from './requestParts.js';

// The events an AWS_PROXY integration of an HTTP API sends, in both payload formats. Field by field from
// "Payload format version" (AWS docs, http-api-develop-integrations-lambda): 2.0 joins repeated headers and query
// values with commas and moves cookies to `cookies`, leaving out what is empty; 1.0 is REST's proxy event with
// `version: "1.0"` and nulls for what is empty.

/** What an authorizer established about the caller. */
export type Authorization =
  | { kind: 'jwt'; claims: Record<string, string>; scopes: string[] | null }
  | { kind: 'lambda'; context: Record<string, unknown> }
  | { kind: 'iam'; caller: IssuedCredentials };

export interface EventInput {
  request: GatewayRequest;
  accountId: string;
  stage: string;
  routeKey: string;
  /** The route's path (`/items/{id}`), or `$default`. */
  resource: string;
  pathParameters: Record<string, string>;
  authorization?: Authorization;
}

export function eventV2(input: EventInput): Record<string, unknown> {
  const { request } = input;
  const parts = requestParts(request, input.stage);
  const { cookie: _cookies, ...headers } = parts.multiHeaders;
  const query = grouped(parts.query);
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: parts.path,
    rawQueryString: request.rawQuery,
    ...(parts.cookies.length > 0 ? { cookies: parts.cookies } : {}),
    headers: joined(headers),
    ...(parts.query.length > 0 ? { queryStringParameters: joined(query) } : {}),
    requestContext: {
      accountId: input.accountId,
      apiId: request.apiId,
      ...(input.authorization ? { authorizer: authorizerV2(input.authorization) } : {}),
      domainName: parts.domainName,
      domainPrefix: parts.domainPrefix,
      http: { method: request.method, path: parts.path, protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: parts.userAgent },
      requestId: parts.requestId,
      routeKey: input.routeKey,
      stage: input.stage,
      time: parts.time,
      timeEpoch: parts.timeEpoch,
    },
    ...(Object.keys(input.pathParameters).length > 0 ? { pathParameters: input.pathParameters } : {}),
    ...(parts.body ? { body: parts.body.value } : {}),
    isBase64Encoded: parts.body?.isBase64Encoded ?? false,
  };
}

function authorizerV2(authorization: Authorization): Record<string, unknown> {
  switch (authorization.kind) {
    case 'jwt':
      return { jwt: { claims: authorization.claims, scopes: authorization.scopes } };
    case 'lambda':
      return { lambda: authorization.context };
    case 'iam':
      return { iam: iamAuthorizer(authorization.caller) };
  }
}

export function eventV1(input: EventInput): Record<string, unknown> {
  const { request } = input;
  const parts = requestParts(request, input.stage);
  const query = grouped(parts.query);
  const hasQuery = parts.query.length > 0;
  const hasParams = Object.keys(input.pathParameters).length > 0;
  return {
    version: '1.0',
    resource: input.resource,
    path: parts.path,
    httpMethod: request.method,
    // Single-value maps keep the last value of a repeated name, as REST's proxy event does.
    headers: lastValues(parts.multiHeaders),
    multiValueHeaders: parts.multiHeaders,
    queryStringParameters: hasQuery ? lastValues(query) : null,
    multiValueQueryStringParameters: hasQuery ? query : null,
    requestContext: {
      accountId: input.accountId,
      apiId: request.apiId,
      // No authorizer: `{claims: null, scopes: null}` as the docs' sample; a JWT one puts its claims under `jwt`
      // in 1.0 too (triggers-and-authorizers.md §7.2), and AWS_IAM its `iam` (by analogy; not observed).
      authorizer: input.authorization ? authorizerV2(input.authorization) : { claims: null, scopes: null },
      domainName: parts.domainName,
      domainPrefix: parts.domainPrefix,
      extendedRequestId: parts.requestId,
      httpMethod: request.method,
      identity: {
        accessKey: null, accountId: null, caller: null, cognitoAuthenticationProvider: null, cognitoAuthenticationType: null,
        cognitoIdentityId: null, cognitoIdentityPoolId: null, principalOrgId: null,
        sourceIp: request.sourceIp, user: null, userAgent: parts.userAgent, userArn: null,
        // REST's identity fields for the signer of an AWS_IAM route, as payload 1.0 is REST's event.
        ...(input.authorization?.kind === 'iam' ? callerIdentity(input.authorization.caller) : {}),
      },
      path: parts.path,
      protocol: 'HTTP/1.1',
      requestId: parts.requestId,
      requestTime: parts.time,
      requestTimeEpoch: parts.timeEpoch,
      resourceId: null,
      resourcePath: input.resource,
      stage: input.stage,
    },
    pathParameters: hasParams ? input.pathParameters : null,
    stageVariables: null,
    body: parts.body?.value ?? null,
    isBase64Encoded: parts.body?.isBase64Encoded ?? false,
  };
}

function lastValues(multi: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(multi).map(([name, values]) => [name, values[values.length - 1]!]));
}
