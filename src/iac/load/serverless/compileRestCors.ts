// `cors:` on `http` events → one MOCK `OPTIONS` method per path answering the preflight, as the framework writes
// it (osls 3.77.1 lib/plugins/aws/package/compile/events/api-gateway/lib/{validate.js getCors, cors.js}). The
// per-origin response template of `origins:` lists is left out: the first origin is answered.
import type { PropertyPath } from '../../template.js';
import { asObject, type Compilation } from './compilation.js';
import { naming, normalizePath } from './naming.js';

export interface Cors {
  origin: string;
  headers: string[];
  methods: string[];
  allowCredentials: boolean;
  maxAge?: unknown;
  cacheControl?: unknown;
}

const DEFAULT_HEADERS = [
  'Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id',
];

/** The CORS settings of `event` merged into those of the same path so far (union of headers and methods). */
export function corsOf(
  c: Compilation, event: { config: Record<string, unknown>; method: string; at: PropertyPath }, before?: Cors,
): Cors {
  const given = asObject(event.config.cors);
  const origins = Array.isArray(given.origins) ? given.origins.map(String) : undefined;
  const headers = typeof given.headers === 'string' ? [given.headers] : Array.isArray(given.headers) ? given.headers.map(String) : DEFAULT_HEADERS;
  const methods = [...(Array.isArray(given.methods) ? given.methods.map(String) : []), 'OPTIONS', event.method.toUpperCase()];
  if (given.origin !== undefined && typeof given.origin !== 'string') throw c.error([...event.at, 'cors', 'origin'], 'must be a string');
  const cors: Cors = {
    origin: origins?.[0] ?? (typeof given.origin === 'string' ? given.origin.split(',')[0]!.trim() : '*'),
    headers: union(before?.headers, headers),
    methods: union(before?.methods, methods),
    allowCredentials: Boolean(before?.allowCredentials || given.allowCredentials),
    maxAge: given.maxAge ?? before?.maxAge,
    cacheControl: given.cacheControl ?? before?.cacheControl,
  };
  return cors;
}

function union(before: string[] | undefined, more: string[]): string[] {
  return [...new Set([...(before ?? []), ...more])];
}

/** Adds the OPTIONS methods; returns their logical IDs (the deployment depends on them). */
export function compileRestCors(
  c: Compilation, corsByPath: Map<string, Cors>, resourceIds: Map<string, unknown>, events: { path: string; at: PropertyPath }[],
): string[] {
  const ids: string[] = [];
  for (const [path, cors] of corsByPath) {
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': `'${cors.origin}'`,
      'Access-Control-Allow-Headers': `'${cors.headers.join(',')}'`,
      'Access-Control-Allow-Methods': `'${cors.methods.join(',').replace('ANY', 'DELETE,GET,HEAD,PATCH,POST,PUT')}'`,
      ...(cors.allowCredentials ? { 'Access-Control-Allow-Credentials': `'${cors.allowCredentials}'` } : {}),
      ...(cors.maxAge ? { 'Access-Control-Max-Age': `'${String(cors.maxAge)}'` } : {}),
      ...(cors.cacheControl ? { 'Cache-Control': `'${String(cors.cacheControl)}'` } : {}),
    };
    const parameter = (value: (header: string) => unknown) =>
      Object.fromEntries(Object.keys(headers).map((header) => [`method.response.header.${header}`, value(header)]));
    const logicalId = naming.method(normalizePath(path), 'options');
    c.addResource(logicalId, {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        AuthorizationType: 'NONE',
        HttpMethod: 'OPTIONS',
        MethodResponses: [{ StatusCode: '200', ResponseParameters: parameter(() => true), ResponseModels: {} }],
        RequestParameters: {},
        Integration: {
          Type: 'MOCK',
          RequestTemplates: { 'application/json': '{statusCode:200}' },
          ContentHandling: 'CONVERT_TO_TEXT',
          IntegrationResponses: [{
            StatusCode: '200',
            ResponseParameters: parameter((header) => headers[header]),
            ResponseTemplates: { 'application/json': '' },
          }],
        },
        ResourceId: resourceIds.get(path),
        RestApiId: { Ref: naming.restApi },
      },
    }, events.find((event) => event.path === path)!.at);
    ids.push(logicalId);
  }
  return ids;
}
