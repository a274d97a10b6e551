import type { FastifyInstance, FastifyReply } from 'fastify';
import { CognitoError } from '../cognito/errors.js';
import type { Tokens } from '../cognito/tokens/tokens.js';

export type WellKnown = Pick<Tokens, 'jwks' | 'openidConfiguration'>;

/**
 * `/<poolId>/.well-known/jwks.json` and `/openid-configuration` (DESIGN.md §3), where AWS serves them under its
 * issuer. Browsers fetch them across origins (LocalStack's test_well_known_cors_handling), hence the CORS header.
 */
export function registerWellKnown(app: FastifyInstance, wellKnown: WellKnown): void {
  const send = (reply: FastifyReply, poolId: string, body: unknown) => {
    if (!body) throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`, 404);
    return reply.header('content-type', 'application/json').header('access-control-allow-origin', '*').send(JSON.stringify(body));
  };
  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/jwks.json', async (request, reply) =>
    send(reply, request.params.poolId, await wellKnown.jwks(request.params.poolId)),
  );
  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/openid-configuration', async (request, reply) =>
    send(reply, request.params.poolId, await wellKnown.openidConfiguration(request.params.poolId)),
  );
}
