import type { FastifyInstance } from 'fastify';
import type { CodeFilter, SentCode } from '../cognito/codes/inbox.js';
import type { StackRecord } from '../iac/stacks/stackRecord.js';
import type { DeployReport } from '../iac/templates.js';
import { StateFileError, type StateFile } from '../state/format.js';
import type { ImportReport } from '../state/importState.js';

export interface EmulatorEndpoints {
  version: string;
  /** Whether the first reconcile of the templates given at start has finished (always true without templates). */
  ready(): boolean;
  reset(): Promise<void>;
  /** The codes cogniform "sent", newest first. */
  codes(filter: CodeFilter): Promise<SentCode[]>;
  /** The stacks the templates made. */
  stacks(): Promise<StackRecord[]>;
  /** `cogniform deploy`: reconciles one template file once. */
  deploy(file: string, given: { stage?: string; parameters?: Record<string, string> }): Promise<DeployReport>;
  /** `cogniform export`: everything as a state file (src/state/format.ts). */
  exportState(): Promise<StateFile>;
  /** `cogniform import`: all of a state file or, if anything is wrong with it, nothing. */
  importState(file: unknown): Promise<ImportReport>;
}

interface DeployBody {
  path?: unknown;
  stage?: unknown;
  parameters?: unknown;
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
        // The text a CustomMessage trigger made (src/cognito/triggers/customMessage.ts); absent for the default.
        ...(c.message !== undefined ? { message: c.message } : {}),
        ...(c.subject !== undefined ? { subject: c.subject } : {}),
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

  // `cogniform deploy`: the file is read by the emulator, so the path must be one it can see (the same machine).
  app.post<{ Body: Buffer | undefined }>('/_cogniform/deploy', async (request, reply) => {
    // Every body arrives as bytes (./edge.ts parses AWS's JSON itself).
    let body: DeployBody = {};
    try {
      body = JSON.parse(request.body?.toString('utf8') || '{}') as DeployBody;
    } catch {
      // Answered below as a body without a path.
    }
    const { path, stage, parameters } = body ?? {};
    const stringMap = (value: unknown) =>
      typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
    if (typeof path !== 'string' || !path || (stage !== undefined && typeof stage !== 'string') || (parameters !== undefined && !stringMap(parameters))) {
      return reply.code(400).send({ message: 'Expected {"path": "<template file>", "stage"?: "<stage>", "parameters"?: {"KEY": "VALUE"}}.' });
    }
    const report = await endpoints.deploy(path, {
      ...(stage !== undefined ? { stage } : {}),
      ...(parameters !== undefined ? { parameters: parameters as Record<string, string> } : {}),
    });
    if (report.errors.length) return reply.code(400).send({ message: report.errors.join('\n'), errors: report.errors });
    return { stackName: report.stackName, summary: report.summary, outputs: report.outputs };
  });

  // `cogniform export` and `cogniform import` against a running emulator (src/state/format.ts has the format).
  app.get('/_cogniform/state', async () => endpoints.exportState());

  // A state file holds every user of every pool: larger than the API's 16 MB body limit allows.
  app.post<{ Body: Buffer | undefined }>('/_cogniform/state', { bodyLimit: 1024 * 1024 * 1024 }, async (request, reply) => {
    let file: unknown;
    try {
      file = JSON.parse(request.body?.toString('utf8') ?? '');
    } catch (error) {
      return reply.code(400).send({ message: `the state file is not JSON: ${(error as Error).message}` });
    }
    try {
      return { imported: await endpoints.importState(file) };
    } catch (error) {
      if (error instanceof StateFileError) return reply.code(400).send({ message: error.message });
      throw error;
    }
  });

  app.post('/_cogniform/reset', async () => {
    await endpoints.reset();
    return { status: 'reset' };
  });
}
