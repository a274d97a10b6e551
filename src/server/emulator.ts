import type { FastifyInstance } from 'fastify';

export interface EmulatorEndpoints {
  version: string;
  /** Whether the first reconcile of the templates given at start has finished (always true without templates). */
  ready(): boolean;
  reset(): Promise<void>;
}

/** cogniform's own endpoints under /_cogniform/ (DESIGN.md §3). */
export function registerEmulatorEndpoints(app: FastifyInstance, endpoints: EmulatorEndpoints): void {
  app.get('/_cogniform/health', async (_request, reply) => {
    if (!endpoints.ready()) return reply.code(503).send({ status: 'starting', version: endpoints.version });
    return { status: 'ok', version: endpoints.version };
  });

  app.post('/_cogniform/reset', async () => {
    await endpoints.reset();
    return { status: 'reset' };
  });
}
