import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Gateways } from '../gateway/index.js';
import type { GatewayRequest } from '../gateway/routes.js';

// The local API Gateway on the emulator's port (DESIGN.md §3 "API Gateway URLs"):
// `/restapis/<apiId>/<stage>/_user_request_/<path>` (what the serverless-localstack plugin prints), and the
// Host-header form `<apiId>.execute-api.localhost:<port>/<stage>/<path>` (HTTP APIs' `$default` stage: no stage in
// the path), rewritten to the first form before routing.

const PREFIX = '/restapis/';
const USER_REQUEST = '/_user_request_';
const HOST_FORM = /^([a-z0-9]{10})\.execute-api\.localhost(:\d+)?$/;

/** fastify's `rewriteUrl`: the Host-header form becomes the path form. */
export function rewriteGatewayUrl(gateways: () => Gateways | undefined) {
  return (request: { url?: string; headers: Record<string, string | string[] | undefined> }): string => {
    const url = request.url ?? '/';
    const host = request.headers.host;
    const match = typeof host === 'string' ? HOST_FORM.exec(host) : null;
    const found = match && gateways()?.find(match[1]!);
    if (!match || !found) return url;
    if (found.apiType === 'HTTP') return `${PREFIX}${match[1]}/$default${USER_REQUEST}${url}`;
    const [, stage = '', ...rest] = url.split('/');
    return `${PREFIX}${match[1]}/${stage}${USER_REQUEST}/${rest.join('/')}`;
  };
}

export function registerGateway(app: FastifyInstance, gateways: Gateways): void {
  app.get('/_cogniform/routes', async (request) => ({ routes: gateways.routes(baseUrl(request)) }));

  app.all('/restapis/*', async (request, reply) => {
    const parsed = parse(request);
    const found = parsed && gateways.find(parsed.apiId);
    // What API Gateway answers a request for no API it knows.
    if (!parsed || !found) return reply.code(403).send({ message: 'Missing Authentication Token' });
    const response = await found.gateway.handle(parsed);
    reply.code(response.status);
    for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
    return reply.send(response.body);
  });
}

const baseUrl = (request: FastifyRequest) => `http://${request.headers.host ?? 'localhost'}`;

function parse(request: FastifyRequest): GatewayRequest | undefined {
  const [pathPart = '', rawQuery = ''] = request.url.split(/\?(.*)/s);
  const rest = pathPart.slice(PREFIX.length);
  const [apiId, stage, ...tail] = rest.split('/');
  const remainder = `/${tail.join('/')}`;
  if (!apiId || !stage || !(remainder === USER_REQUEST || remainder.startsWith(`${USER_REQUEST}/`))) return undefined;
  const path = remainder.slice(USER_REQUEST.length) || '/';
  return {
    apiId,
    stage: decodeURIComponent(stage),
    method: request.method,
    path,
    rawQuery,
    signedPath: request.originalUrl.split('?')[0]!,
    headers: request.headers as Record<string, string | string[]>,
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    sourceIp: request.ip,
    receivedAt: Date.now(),
  };
}
