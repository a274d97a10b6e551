import type { GatewayRequest, GatewayResponse } from '../routes.js';
import type { CorsConfiguration } from './model.js';

// An HTTP API's CorsConfiguration (AWS docs, http-api-cors): API Gateway answers preflight requests itself, even
// without an OPTIONS route, and puts the configured CORS headers on the integration's responses, dropping the ones
// the integration set. Only requests with an `origin` header get CORS headers; a preflight also needs
// `access-control-request-method`. AllowOrigins entries may end in `*` (`https://*`), or be `*` alone.

export function isPreflight(request: GatewayRequest): boolean {
  return request.method === 'OPTIONS' && header(request, 'origin') !== undefined
    && header(request, 'access-control-request-method') !== undefined;
}

/** The 204 answer to a preflight: the configured methods, headers and max age, for an allowed origin. */
export function preflightResponse(cors: CorsConfiguration, request: GatewayRequest): GatewayResponse {
  const origin = allowedOrigin(cors, header(request, 'origin'));
  const headers: Record<string, string> = {};
  if (origin) {
    headers['access-control-allow-origin'] = origin;
    if (cors.AllowMethods?.length) headers['access-control-allow-methods'] = cors.AllowMethods.join(',');
    if (cors.AllowHeaders?.length) headers['access-control-allow-headers'] = cors.AllowHeaders.join(',');
    if (cors.MaxAge !== undefined) headers['access-control-max-age'] = String(cors.MaxAge);
    if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
  }
  return { status: 204, headers, body: '' };
}

/** `response` with the integration's CORS headers replaced by the configured ones (when the origin is allowed). */
export function withCorsHeaders(cors: CorsConfiguration, request: GatewayRequest, response: GatewayResponse): GatewayResponse {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')));
  const origin = allowedOrigin(cors, header(request, 'origin'));
  if (origin) {
    headers['access-control-allow-origin'] = origin;
    if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
    if (cors.ExposeHeaders?.length) headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  }
  return { ...response, headers };
}

/** `*` when every origin is allowed (without credentials), else the request's origin when it is allowed. */
function allowedOrigin(cors: CorsConfiguration, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  const allowed = cors.AllowOrigins ?? [];
  if (allowed.includes('*')) return cors.AllowCredentials ? origin : '*';
  const matches = allowed.some((pattern) => (pattern.endsWith('*') ? origin.startsWith(pattern.slice(0, -1)) : pattern === origin));
  return matches ? origin : undefined;
}

function header(request: GatewayRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
