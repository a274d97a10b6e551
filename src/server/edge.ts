import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CognitoError, serializationError, unknownOperation } from '../cognito/errors.js';
import { parseQueryBody, QueryError, queryErrorXml, queryResponseXml, type QuerySurface } from './query.js';
import { credentialScope } from './sigv4.js';

/** A surface answering AWS JSON 1.1 calls whose X-Amz-Target starts with `prefix` (`AWSCognitoIdentityProviderService`). */
export interface JsonSurface {
  prefix: string;
  handle(operation: string, call: JsonCall): Promise<unknown>;
}

/** An AWS JSON error of another service (ECR's RepositoryNotFoundException, SSM's ParameterNotFound). */
export class JsonServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

export interface JsonCall {
  body: unknown;
  region: string;
  requestId: string;
}

/**
 * The one port's front door for `POST /`: AWS JSON calls go to the surface their X-Amz-Target names. Public
 * Cognito operations arrive unsigned (amazon-cognito-identity-js sends no Authorization), so routing is by
 * target, never by signature; the signature's credential scope only supplies the region. A form-encoded body
 * without X-Amz-Target is the query protocol (CloudFormation, STS): it goes to the surface its credential scope
 * names, or, unsigned, to the one that has its Action. S3 and Lambda's REST API have paths of their own.
 */
export function registerEdge(
  app: FastifyInstance,
  surfaces: { json: JsonSurface[]; query: QuerySurface[] },
  defaultRegion: string,
): void {
  // Bodies stay raw so that a malformed one becomes an AWS SerializationException, not a framework error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/', async (request, reply) => {
    const target = header(request, 'x-amz-target');
    const scope = credentialScope(header(request, 'authorization'));
    if (!target && header(request, 'content-type')?.startsWith('application/x-www-form-urlencoded')) {
      return answerQuery(request, reply, surfaces.query, scope?.service, scope?.region ?? defaultRegion);
    }
    if (!target) throw unknownOperation('(missing X-Amz-Target)');
    const dot = target.lastIndexOf('.');
    const surface = surfaces.json.find((s) => s.prefix === target.slice(0, dot));
    if (!surface) throw unknownOperation(target);
    const result = await surface.handle(target.slice(dot + 1), {
      body: parseJson(request.body),
      region: scope?.region ?? defaultRegion,
      requestId: request.id,
    });
    return sendJson(reply, 200, result ?? {});
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof CognitoError || error instanceof JsonServiceError) return sendError(reply, error);
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

// No AWS JSON request shape nests more than a handful of levels, but JSON.parse accepts any depth, and a 100 000-deep
// value in a member the model does not know (kept as is) blew the stack later, when the record holding it was
// written (JSON.stringify): a 500 for a bad request. Deeper bodies are refused before parsing, as Jackson-based AWS
// services refuse documents past their nesting limit.
const MAX_JSON_DEPTH = 100;

function parseJson(body: unknown): unknown {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : '';
  if (!text.trim()) return {};
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw serializationError(`Request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw serializationError('Request body is not valid JSON.');
  }
}

/** The deepest nesting of objects and arrays in JSON `text` (brackets inside strings do not count). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
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

async function answerQuery(
  request: FastifyRequest,
  reply: FastifyReply,
  surfaces: QuerySurface[],
  service: string | undefined,
  region: string,
): Promise<FastifyReply> {
  const params = parseQueryBody(request.body as Buffer);
  const action = params.Action ?? '';
  const surface = surfaces.find((s) => (service ? s.service === service : s.actions.has(action)));
  try {
    if (!surface || !surface.actions.has(action)) {
      // What AWS's query services answer an action they do not have.
      throw new QueryError('InvalidAction', `The action ${action || '(none)'} is not valid for this web service.`);
    }
    const result = await surface.handle(action, { params, region, requestId: request.id });
    return sendXml(reply, 200, queryResponseXml(action, surface.namespace, result, request.id));
  } catch (error) {
    if (error instanceof QueryError) return sendXml(reply, error.statusCode, queryErrorXml(error, request.id));
    request.log.error(error);
    const internal = new QueryError('InternalFailure', 'Internal error in cogniform (see its log).', 500, 'Receiver');
    return sendXml(reply, 500, queryErrorXml(internal, request.id));
  }
}

function sendXml(reply: FastifyReply, status: number, xml: string): FastifyReply {
  return reply.code(status).header('content-type', 'text/xml').header('x-amzn-requestid', reply.request.id).send(xml);
}

function sendError(reply: FastifyReply, error: CognitoError | JsonServiceError): FastifyReply {
  reply.header('x-amzn-errortype', error.type);
  return sendJson(reply, error.statusCode, { __type: error.type, message: error.message });
}
