import type { IssuedCredentials } from '../../cognitoIdentity/credentials.js';
import type { GatewayRequest } from '../routes.js';
import type { responses } from './gatewayResponses.js';

type ResponseKind = (typeof responses)[keyof typeof responses];

// What an authorizer decides: go on, with what the integration sees as `requestContext.authorizer` (Lambda and
// Cognito authorizers) or the signer `requestContext.identity` describes (AWS_IAM), or stop with a gateway response.

export type Granted = { context?: Record<string, unknown>; caller?: IssuedCredentials };

export type Authorization = ({ allowed: true } & Granted) | { allowed: false; response: ResponseKind };

export const deny = (response: ResponseKind): Authorization => ({ allowed: false, response });

/**
 * The value of one identity-source expression: `method.request.header.X`, `method.request.querystring.X`,
 * `stageVariables.X`, `context.X` (Authorizer's IdentitySource reference). Headers by the last value.
 */
export function identityValue(
  expression: string,
  request: GatewayRequest,
  parts: { queryStringParameters: Record<string, string> | null; stageVariables: Record<string, string> | null },
): string | undefined {
  const [, source, name] = expression.trim().match(/^(method\.request\.header|method\.request\.querystring|stageVariables|context)\.(.+)$/) ?? [];
  if (!name) return undefined;
  if (source === 'method.request.header') {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.at(-1) : value;
  }
  if (source === 'method.request.querystring') return parts.queryStringParameters?.[name];
  if (source === 'stageVariables') return parts.stageVariables?.[name];
  return name === 'stage' ? request.stage : name === 'httpMethod' ? request.method.toUpperCase() : undefined;
}

/** Whether `value` matches a whole IdentityValidationExpression (a regular expression). */
export function matchesExpression(expression: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new RegExp(`^(?:${expression})$`).test(value);
  } catch {
    return false;
  }
}
