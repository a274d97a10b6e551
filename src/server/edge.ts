import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CognitoError, serializationError, unknownOperation } from '../cognito/errors.js';
import { credentialScope } from './sigv4.js';

/** A surface answering AWS JSON 1.1 calls whose X-Amz-Target starts with `prefix` (`AWSCognitoIdentityProviderService`). */
export interface JsonSurface {
  prefix: string;
  handle(operation: string, call: JsonCall): Promise<unknown>;
}

export interface JsonCall {
  body: unknown;
  region: string;
  requestId: string;
}

/**
 * The one port's front door for `POST /`: AWS JSON calls go to the surface their X-Amz-Target names. Public
 * Cognito operations arrive unsigned (amazon-cognito-identity-js sends no Authorization), so routing is by
 * target, never by signature; the signature's credential scope only supplies the region. Later surfaces (the
 * CloudFormation query API, S3, Lambda) register beside these.
 */
export function registerEdge(app: FastifyInstance, surfaces: JsonSurface[], defaultRegion: string): void {
  // Bodies stay raw so that a malformed one becomes an AWS SerializationException, not a framework error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/', async (request, reply) => {
    const target = header(request, 'x-amz-target');
    if (!target) throw unknownOperation('(missing X-Amz-Target)');
    const dot = target.lastIndexOf('.');
    const surface = surfaces.find((s) => s.prefix === target.slice(0, dot));
    if (!surface) throw unknownOperation(target);
    const scope = credentialScope(header(request, 'authorization'));
    const result = await surface.handle(target.slice(dot + 1), {
      body: parseJson(request.body),
      region: scope?.region ?? defaultRegion,
      requestId: request.id,
    });
    return sendJson(reply, 200, result ?? {});
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof CognitoError) return sendError(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Framework-level rejections (body too large, bad content length): still an AWS-shaped 4xx.
      return sendError(reply, new CognitoError('SerializationException', (error as Error).message, status));
    }
    request.log.error(error);
    return sendError(reply, new CognitoError('InternalErrorException', 'Internal error in cogniform (see its log).', 500));
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(body: unknown): unknown {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : '';
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw serializationError('Request body is not valid JSON.');
  }
}

/** AWS JSON 1.1 timestamps are epoch seconds; Date values become numbers on the way out. */
function toWire(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/x-amz-json-1.1')
    .header('x-amzn-requestid', reply.request.id)
    .send(JSON.stringify(body, toWire));
}

function sendError(reply: FastifyReply, error: CognitoError): FastifyReply {
  reply.header('x-amzn-errortype', error.type);
  return sendJson(reply, error.statusCode, { __type: error.type, message: error.message });
}
