import type { FastifyInstance, FastifyReply } from 'fastify';
import { CognitoError } from '../../cognito/errors.js';
// The hosted UI's error page (no script, no framing, nothing fetched), without a pool's branding.
import { sendErrorPage } from '../hostedUi/render/page.js';

// How the OAuth2 endpoints fail. The token and revocation endpoints answer RFC 6749 §5.2 JSON (`{"error": ...}`),
// userInfo adds RFC 6750 §3's WWW-Authenticate; authorize fails with a page when it cannot trust the redirect_uri.
// None of them speaks the Cognito API's `{"__type"}` errors, hence a handler of their own.

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description?: string,
    readonly statusCode = 400,
    /** RFC 6750 §3: set on the userInfo endpoint's refusals. */
    readonly wwwAuthenticate?: string,
  ) {
    super(description ?? error);
  }
}

/** An error page (no usable client or redirect_uri): never a redirect. */
export class PageError extends Error {
  constructor(
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

function sendOAuthError(reply: FastifyReply, error: OAuthError): FastifyReply {
  if (error.wwwAuthenticate) reply.header('www-authenticate', error.wwwAuthenticate);
  return reply
    .code(error.statusCode)
    .header('content-type', 'application/json;charset=UTF-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ error: error.error, ...(error.description ? { error_description: error.description } : {}) }));
}

/** The error handler of the OAuth2 plugin. A trigger's refusal reads as AWS writes it on these endpoints. */
export function handleOAuthErrors(scope: FastifyInstance): void {
  scope.setErrorHandler((error, request, reply) => {
    if (error instanceof PageError) return sendErrorPage(reply, error.statusCode, error.message);
    if (error instanceof OAuthError) return sendOAuthError(reply, error);
    if (error instanceof CognitoError && error.statusCode < 500) {
      return sendOAuthError(reply, new OAuthError('invalid_request', error.message));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return sendOAuthError(reply, new OAuthError('invalid_request', (error as Error).message));
    request.log.error(error);
    return sendOAuthError(reply, new OAuthError('server_error', 'Internal error in cogniform (see its log).', 500));
  });
}
