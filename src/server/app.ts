import Fastify, { type FastifyInstance } from 'fastify';
import type { CognitoService } from '../cognito/service.js';
import { refuseCrossSite } from './crossSite.js';
import { registerEdge, type JsonSurface } from './edge.js';
import { registerEmulatorEndpoints, type EmulatorEndpoints } from './emulator.js';
import { registerGateway, rewriteGatewayUrl } from './gateway.js';
import type { Gateways } from '../gateway/index.js';
import type { QuerySurface } from './query.js';
import { registerWellKnown, type WellKnown } from './wellKnown.js';
import { isS3Request, S3_ROUTE_PREFIX } from '../s3/index.js';

export interface AppDeps {
  cognito: CognitoService;
  emulator: EmulatorEndpoints;
  /** The pools' JWKS and OpenID discovery documents. */
  wellKnown: WellKnown;
  /** The stacks' REST and HTTP APIs. */
  gateways: Gateways;
  /** The other AWS services `serverless deploy` needs: query (CloudFormation, STS) and JSON (ECR, SSM) surfaces, and
   * path-routed ones (S3, Lambda) registering their own routes. */
  services: { json: JsonSurface[]; query: QuerySurface[]; register: Array<(app: FastifyInstance) => void> };
  region: string;
  accountId: string;
  /** Origins besides loopback whose pages may call and get CORS answers (--allow-origin; `*` is every origin). */
  allowOrigins?: readonly string[] | undefined;
  /** Log each request (the CLI turns this on; tests keep quiet). */
  logRequests?: boolean;
}

/** The whole HTTP surface, without listening: tests drive it with `app.inject` or listen on port 0. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const gatewayUrl = rewriteGatewayUrl(() => deps.gateways);
  const app = Fastify({
    logger: deps.logRequests ? { level: 'info' } : false,
    // Large enough for a CloudFormation template or an imported user list; S3 uploads will set their own.
    bodyLimit: 16 * 1024 * 1024,
    // find-my-way answers a path parameter over 100 characters itself, with a 414 and no AWS error shape (a Lambda
    // function ARN in `/2015-03-31/functions/<name>` can be 170); the operations check lengths and answer as AWS.
    routerOptions: { maxParamLength: 2048 },
    genReqId: () => crypto.randomUUID(),
    // `<apiId>.execute-api.localhost:<port>` requests become `/restapis/<apiId>/...` (./gateway.ts).
    // S3 requests (SigV4 scope `s3`) are path-style `/<bucket>/<key>` at the root: they get a prefix of their own.
    rewriteUrl: (request) => (isS3Request(request) ? `${S3_ROUTE_PREFIX}${request.url ?? '/'}` : gatewayUrl(request)),
  });
  // Calls that a browser sends from another site's page are refused before anything else; trusted pages get CORS
  // answers at `/` (./crossSite.ts, ./cors.ts).
  refuseCrossSite(app, deps.allowOrigins);
  // Every answer of cogniform's own (AWS JSON and XML, /_cogniform, OAuth2, errors) tells browsers not to guess a type
  // other than the one it declares (OWASP Secure Headers: X-Content-Type-Options). API Gateway routes are left as the
  // function answered, as API Gateway does; the hosted UI sets its own stricter headers (src/oauth2/hostedUi/render/page.ts).
  app.addHook('onSend', async (request, reply) => {
    if (!request.routeOptions.url?.startsWith('/restapis/') && !reply.hasHeader('x-content-type-options')) {
      reply.header('x-content-type-options', 'nosniff');
    }
  });
  registerEdge(
    app,
    {
      json: [
        {
          prefix: 'AWSCognitoIdentityProviderService',
          handle: (operation, call) =>
            deps.cognito(operation, { region: call.region, accountId: deps.accountId, requestId: call.requestId }, call.body),
        },
        ...deps.services.json,
      ],
      query: deps.services.query,
    },
    deps.region,
  );
  registerEmulatorEndpoints(app, deps.emulator);
  registerWellKnown(app, deps.wellKnown);
  registerGateway(app, deps.gateways);
  for (const register of deps.services.register) register(app);
  return app;
}
