import type { IamRefusal } from '../auth/iamRefusals.js';
import type { GatewayResponse } from '../routes.js';

// API Gateway's default gateway responses, as a REST API answers when it does not reach the integration (developer
// guide, "Gateway response types for API Gateway"). The default template is `{"message":$context.error.messageString}`;
// the bodies below are the ones clients observe, spacing included: Lambda authorizer denies say `Message` with a
// capital M, integration failures `{"message": "Internal server error"}` with a space, and an authorizer that fails
// (throws, or returns a malformed policy) `{"message": null}` with AuthorizerConfigurationException.

interface Kind {
  status: number;
  errorType: string;
  body: string;
}

export const responses = {
  /** MISSING_AUTHENTICATION_TOKEN: no such resource, method or stage (unless the method uses IAM). */
  missingToken: { status: 403, errorType: 'MissingAuthenticationTokenException', body: '{"message":"Missing Authentication Token"}' },
  unauthorized: { status: 401, errorType: 'UnauthorizedException', body: '{"message":"Unauthorized"}' },
  /** EXPIRED_TOKEN as the Cognito authorizer words it (amplify-js#6060). */
  expired: { status: 401, errorType: 'UnauthorizedException', body: '{"message":"The incoming token has expired"}' },
  explicitDeny: {
    status: 403, errorType: 'AccessDeniedException', body: '{"Message":"User is not authorized to access this resource with an explicit deny"}',
  },
  notAllowed: { status: 403, errorType: 'AccessDeniedException', body: '{"Message":"User is not authorized to access this resource"}' },
  /** INVALID_API_KEY. */
  forbidden: { status: 403, errorType: 'ForbiddenException', body: '{"message":"Forbidden"}' },
  authorizerFailure: { status: 500, errorType: 'AuthorizerConfigurationException', body: '{"message": null}' },
  /** A function error or a malformed proxy response (Lambda proxy integrations answer 502). */
  badGateway: { status: 502, errorType: 'InternalServerErrorException', body: '{"message": "Internal server error"}' },
  /** The integration cannot be called at all (no such function): API Gateway's configuration errors are 500s. */
  integrationFailure: { status: 500, errorType: 'InternalServerErrorException', body: '{"message": "Internal server error"}' },
} satisfies Record<string, Kind>;

/** An AWS_IAM method's refusal of a signed request (src/gateway/auth/iamRefusals.ts): 403, AWS's message. */
export function iamResponse(refusal: IamRefusal): Kind {
  return { status: 403, errorType: refusal.errorType, body: JSON.stringify({ message: refusal.message }) };
}

export function gatewayResponse(kind: Kind, requestId: string): GatewayResponse {
  return {
    status: kind.status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': kind.errorType },
    body: kind.body,
  };
}
