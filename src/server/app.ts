import Fastify, { type FastifyInstance } from 'fastify';
import type { CognitoService } from '../cognito/service.js';
import { registerEdge } from './edge.js';
import { registerEmulatorEndpoints, type EmulatorEndpoints } from './emulator.js';
import { registerGateway, rewriteGatewayUrl } from './gateway.js';
import type { Gateways } from '../gateway/index.js';
import { registerWellKnown, type WellKnown } from './wellKnown.js';

export interface AppDeps {
  cognito: CognitoService;
  emulator: EmulatorEndpoints;
  /** The pools' JWKS and OpenID discovery documents. */
  wellKnown: WellKnown;
  /** The stacks' REST and HTTP APIs. */
  gateways: Gateways;
  region: string;
  accountId: string;
  /** Log each request (the CLI turns this on; tests keep quiet). */
  logRequests?: boolean;
}

/** The whole HTTP surface, without listening: tests drive it with `app.inject` or listen on port 0. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    logger: deps.logRequests ? { level: 'info' } : false,
    // Large enough for a CloudFormation template or an imported user list; S3 uploads will set their own.
    bodyLimit: 16 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    // `<apiId>.execute-api.localhost:<port>` requests become `/restapis/<apiId>/...` (./gateway.ts).
    rewriteUrl: rewriteGatewayUrl(() => deps.gateways),
  });
  registerEdge(
    app,
    [
      {
        prefix: 'AWSCognitoIdentityProviderService',
        handle: (operation, call) =>
          deps.cognito(operation, { region: call.region, accountId: deps.accountId, requestId: call.requestId }, call.body),
      },
    ],
    deps.region,
  );
  registerEmulatorEndpoints(app, deps.emulator);
  registerWellKnown(app, deps.wellKnown);
  registerGateway(app, deps.gateways);
  return app;
}
