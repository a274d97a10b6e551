import type { FastifyRequest } from 'fastify';

// The edge hands every route its raw body (src/server/edge.ts); the OAuth2 endpoints take
// application/x-www-form-urlencoded (token-endpoint, revocation-endpoint).

export function formOf(request: FastifyRequest): URLSearchParams {
  const body = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
  return new URLSearchParams(body);
}

/** A query as fastify parsed it, each parameter once (a repeated one counts as its first value). */
export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value the request's Cookie header gives `name` (another app on the same host may have set one too). */
export function cookieValues(request: FastifyRequest, name: string): string[] {
  const raw = request.headers.cookie;
  const text = Array.isArray(raw) ? raw.join(';') : (raw ?? '');
  return text.split(';').flatMap((part) => {
    const at = part.indexOf('=');
    return at > 0 && part.slice(0, at).trim() === name ? [part.slice(at + 1).trim()] : [];
  });
}
