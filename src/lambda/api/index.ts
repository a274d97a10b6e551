import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deployments } from '../../deployments.js';
import type { LocalS3 } from '../../s3/index.js';
import { credentialScope } from '../../server/sigv4.js';
import type { LambdaAnswer, LambdaOperation } from './call.js';
import { LambdaError } from './errors.js';
import { GetFunction } from './getFunction.js';
import { GetFunctionConfiguration } from './getFunctionConfiguration.js';
import { Invoke } from './invoke.js';
import { ListFunctions } from './listFunctions.js';
import { UpdateFunctionCode } from './updateFunctionCode.js';
import { UpdateFunctionConfiguration } from './updateFunctionConfiguration.js';

// Lambda's REST API (`/2015-03-31/functions/...`, REST-JSON), the part `serverless deploy` and `deploy function`
// call, plus what a developer reaches for locally (ListFunctions, Invoke). One file per operation; this one routes,
// and writes answers and errors in Lambda's shapes (./errors.ts).

export interface LambdaApiDeps {
  s3: LocalS3;
  deployments: Deployments;
  region: string;
  accountId: string;
}

/** A zip arrives base64 in JSON; Lambda takes 50 MB zipped through the API (Lambda quotas), 4/3 of that as base64. */
const CODE_BODY_LIMIT = 70 * 1024 * 1024;

const routes: Array<{ method: 'GET' | 'PUT' | 'POST'; url: string; operation: LambdaOperation; bodyLimit?: number }> = [
  { method: 'GET', url: '/functions', operation: ListFunctions },
  { method: 'GET', url: '/functions/', operation: ListFunctions },
  { method: 'GET', url: '/functions/:name', operation: GetFunction },
  { method: 'GET', url: '/functions/:name/configuration', operation: GetFunctionConfiguration },
  { method: 'PUT', url: '/functions/:name/configuration', operation: UpdateFunctionConfiguration },
  { method: 'PUT', url: '/functions/:name/code', operation: UpdateFunctionCode, bodyLimit: CODE_BODY_LIMIT },
  { method: 'POST', url: '/functions/:name/invocations', operation: Invoke },
];

export function registerLambdaApi(app: FastifyInstance, deps: LambdaApiDeps): void {
  void app.register(
    async (scope) => {
      scope.setErrorHandler((error, request, reply) => {
        if (error instanceof LambdaError) return sendError(reply, error);
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 413) return sendError(reply, new LambdaError('RequestTooLargeException', 'Request must be smaller than 6291456 bytes for the InvokeFunction operation', 413));
        if (status && status >= 400 && status < 500) return sendError(reply, new LambdaError('InvalidRequestContentException', (error as Error).message, status));
        request.log.error(error);
        return sendError(reply, new LambdaError('ServiceException', 'Internal error in cogniform (see its log).', 500));
      });
      scope.setNotFoundHandler((request, reply) =>
        sendError(reply, new LambdaError('UnknownOperationException', `Unknown operation ${request.method} ${request.url}`, 404)),
      );
      for (const { method, url, operation, bodyLimit } of routes) {
        scope.route({
          method,
          url,
          ...(bodyLimit ? { bodyLimit } : {}),
          handler: async (request, reply) => send(reply, await operation(lambdaCall(request, deps))),
        });
      }
    },
    { prefix: '/2015-03-31' },
  );
}

function lambdaCall(request: FastifyRequest, deps: LambdaApiDeps) {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
  return {
    functionName: (request.params as { name?: string }).name ?? '',
    query: request.query as Record<string, string | undefined>,
    headers,
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    region: credentialScope(headers.authorization)?.region ?? deps.region,
    accountId: deps.accountId,
    baseUrl: `http://${headers.host ?? 'localhost'}`,
    deployed: deps.deployments.deployed,
    deployments: deps.deployments,
    deps,
  };
}

function send(reply: FastifyReply, answer: LambdaAnswer): FastifyReply {
  reply.code(answer.status).header('x-amzn-requestid', reply.request.id);
  for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
  if (answer.body === undefined) return reply.send();
  reply.header('content-type', 'application/json');
  return reply.send(Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body));
}

function sendError(reply: FastifyReply, error: LambdaError): FastifyReply {
  return send(reply, { status: error.statusCode, headers: { 'x-amzn-errortype': error.type }, body: { Type: 'User', message: error.message } });
}
