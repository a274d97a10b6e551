import type { FastifyInstance } from 'fastify';
import type { CodeFilter, SentCode } from '../cognito/codes/inbox.js';
import type { StackRecord } from '../iac/stacks/stackRecord.js';

export interface EmulatorEndpoints {
  version: string;
  /** Whether the first reconcile of the templates given at start has finished (always true without templates). */
  ready(): boolean;
  reset(): Promise<void>;
  /** The codes cogniform "sent", newest first. */
  codes(filter: CodeFilter): Promise<SentCode[]>;
  /** The stacks the templates made. */
  stacks(): Promise<StackRecord[]>;
}

/** A repeated query parameter arrives as a list; the first one counts. An empty one is as good as absent. */
type QueryValue = string | string[] | undefined;
const first = (value: QueryValue) => (Array.isArray(value) ? value[0] : value) || undefined;

interface CodesQuery {
  userPoolId?: QueryValue;
  username?: QueryValue;
  limit?: QueryValue;
}

/** cogniform's own endpoints under /_cogniform/ (DESIGN.md §3). */
export function registerEmulatorEndpoints(app: FastifyInstance, endpoints: EmulatorEndpoints): void {
  app.get('/_cogniform/health', async (_request, reply) => {
    if (!endpoints.ready()) return reply.code(503).send({ status: 'starting', version: endpoints.version });
    return { status: 'ok', version: endpoints.version };
  });

  // DESIGN.md §3 "emulator endpoints". `limit` (default 1000) caps the answer; the newest codes come first.
  app.get<{ Querystring: CodesQuery }>('/_cogniform/codes', async (request, reply) => {
    const [userPoolId, username, limit] = [request.query.userPoolId, request.query.username, request.query.limit].map(first);
    if (limit !== undefined && !/^[1-9][0-9]{0,5}$/.test(limit)) {
      return reply.code(400).send({ message: 'limit must be a whole number from 1 to 999999.' });
    }
    const codes = await endpoints.codes({ userPoolId, username, limit: limit === undefined ? undefined : Number(limit) });
    return {
      codes: codes.map((c) => ({
        userPoolId: c.userPoolId,
        username: c.username,
        code: c.code,
        kind: c.kind,
        destination: c.destination,
        createdAt: new Date(c.createdAt).toISOString(),
      })),
    };
  });

  // DESIGN.md §3 "GET /_cogniform/stacks".
  app.get('/_cogniform/stacks', async () => ({
    stacks: (await endpoints.stacks()).map((s) => ({
      name: s.Name,
      status: s.Status,
      source: s.Source,
      outputs: s.Outputs,
      resources: Object.entries(s.Resources).map(([logicalId, r]) => ({
        logicalId,
        type: r.Type,
        physicalId: r.PhysicalId,
        status: r.Accepted ? 'ACCEPTED' : 'COMPLETE',
      })),
      lastReconcile: s.LastReconcile ?? null,
    })),
  }));

  app.post('/_cogniform/reset', async () => {
    await endpoints.reset();
    return { status: 'reset' };
  });
}
