import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { cloudFormationSurface } from './cloudformation/index.js';
import { registerConsole } from './console/index.js';
import type { CredentialsLookup } from './cognitoIdentity/credentials.js';
import { cognitoIdentitySurface } from './cognitoIdentity/index.js';
import { createInbox } from './cognito/codes/inbox.js';
import type { Clock, Deps, Ids, Logger } from './cognito/deps.js';
import { randomIds } from './cognito/ids.js';
import { createCognitoService } from './cognito/service.js';
import { createTokens } from './cognito/tokens/service.js';
import type { Tokens } from './cognito/tokens/tokens.js';
import type { Config } from './config.js';
import { createDeployments } from './deployments.js';
import { ecrSurface } from './ecr/index.js';
import { createMailer, describeEmail } from './email/mailer.js';
import { poolKeys } from './gateway/poolKeys.js';
import { listStacks } from './iac/stacks/stackRecord.js';
import { startTemplates, type RunningTemplates, type TemplateOptions } from './iac/startTemplates.js';
import { registerLambdaApi } from './lambda/api/index.js';
import { handlerFunctions, type Handler } from './lambda/functions.js';
import { registerHostedUi } from './oauth2/hostedUi/index.js';
import { registerOAuth2 } from './oauth2/index.js';
import { createS3, registerS3, type LocalS3 } from './s3/index.js';
import { buildApp } from './server/app.js';
import { listen } from './server/listen.js';
import { ssmSurface } from './ssm/index.js';
import { exportState } from './state/exportState.js';
import { importState } from './state/importState.js';
import { seedState } from './state/seed.js';
import { openDatabase } from './store/database.js';
import { Store } from './store/store.js';
import { stsSurface } from './sts/index.js';
import { VERSION } from './version.js';

export interface EmulatorOptions extends Config {
  clock?: Clock;
  ids?: Ids;
  log?: Logger;
  logRequests?: boolean;
  /** Functions the pools' triggers can name, by function name (for programs that embed cogniform). */
  functions?: Record<string, Handler>;
  /** Tests only: how long a trigger may take before the call fails as AWS's does after 5 seconds. */
  triggerTimeoutMs?: number;
  /** Templates to reconcile at start (and watch): `cogniform start PATH...`. */
  templates?: TemplateOptions;
  /** `cogniform start --seed FILE`: a state file imported at start when the store is empty (src/state/seed.ts). */
  seed?: string;
}

export interface Emulator {
  app: FastifyInstance;
  store: Store;
  /** The local S3 (deployment buckets, TemplateURL, function code). */
  s3: LocalS3;
  /** The credentials the identity pools issued (what AWS_IAM routes verify signatures with). */
  identityCredentials: CredentialsLookup;
  /** The token service, for tests that need tokens without signing in. */
  tokens: Tokens;
  /** The templates given at start, reconciled on demand (tests), and `cogniform deploy`'s way in. */
  templates: RunningTemplates['templates'];
  /** `http://localhost:<port>`, with the port actually bound (useful with port 0). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
};

/** The one place where the parts are wired together. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const log = options.log ?? consoleLogger;
  const db = await openDatabase(options.inMemory ? { inMemory: true } : { dataDir: options.dataDir });
  const store = new Store(db);
  try {
    if (options.seed) await seedState(store, options.seed, log);
  } catch (error) {
    await store.close();
    throw error;
  }
  const clock = options.clock ?? { now: () => new Date() };
  // Email goes out by SMTP only with SMTP_HOST (src/email/); the inbox hands each email over once its change commits.
  const mailer = options.smtp && createMailer(options.smtp, log);
  log.info(describeEmail(options.smtp));
  const inbox = createInbox({ store, clock, log, mailer });
  // S3 object bodies and unpacked function code live in files beside the database, never in memory; an in-memory
  // emulator gets a temporary folder, removed when it closes.
  const filesDir = options.inMemory ? await mkdtemp(path.join(tmpdir(), 'cogniform-')) : options.dataDir;
  const s3 = createS3({ store, clock, log, objectsDir: path.join(filesDir, 's3') });
  const base = {
    store,
    clock,
    ids: options.ids ?? randomIds,
    log,
    inbox,
    port: options.port,
    issuer: options.issuer,
    fixedCode: options.code,
    triggerTimeoutMs: options.triggerTimeoutMs,
  };
  // One object, so that the token service sees the port once it is bound (`deps.port = port` below).
  const tokens = createTokens(base);
  const identityPools = cognitoIdentitySurface({ store, clock, ids: base.ids, log, tokens, accountId: options.accountId });
  const deployments = createDeployments({
    handlers: handlerFunctions(options.functions ?? {}),
    store,
    s3,
    codeCacheDir: path.join(filesDir, 'lambda-code'),
    pools: poolKeys(tokens, () => deps.port),
    credentials: identityPools.credentials,
    clock,
    log,
    region: options.region,
    accountId: options.accountId,
  });
  const deps: Deps = Object.assign(base, { tokens, functions: deployments.functions });
  const cognito = createCognitoService(deps);
  const cloudFormation = cloudFormationSurface({ store, clock, log, accountId: options.accountId, s3, templates: () => running!.templates });
  let ready = false;
  let running: RunningTemplates | undefined;
  const app = buildApp({
    cognito,
    wellKnown: deps.tokens,
    gateways: deployments.gateways,
    emulator: {
      version: VERSION,
      ready: () => ready,
      reset: async () => {
        await store.clear();
        await s3.clear();
      },
      codes: (filter) => inbox.list(filter),
      stacks: () => listStacks(store),
      deploy: (file, given) => running!.templates.deploy(file, given),
      exportState: () => exportState(store, clock),
      importState: async (file) => {
        const report = await importState(store, file);
        // Imported stacks' functions and API routes go live as after a reconcile.
        await afterReconcile();
        return report;
      },
    },
    services: {
      json: [identityPools, ecrSurface({ accountId: options.accountId }), ssmSurface({ store, clock, accountId: options.accountId })],
      query: [
        cloudFormation,
        stsSurface({ accountId: options.accountId }),
      ],
      register: [
        (app) => registerS3(app, s3),
        (app) => registerOAuth2(app, deps),
        (app) => registerHostedUi(app, deps),
        (app) => registerConsole(app),
        // The key set GetOpenIdToken's tokens verify with, where AWS serves it at
        // https://cognito-identity.amazonaws.com/.well-known/jwks_uri (browsers fetch it across origins, hence CORS).
        (app) =>
          app.get('/_cogniform/cognito-identity/.well-known/jwks_uri', async (_request, reply) =>
            reply.header('content-type', 'application/json').header('access-control-allow-origin', '*').send(JSON.stringify(await identityPools.jwks())),
          ),
        (app) => registerLambdaApi(app, { s3, deployments, region: options.region, accountId: options.accountId }),
      ],
    },
    region: options.region,
    accountId: options.accountId,
    allowOrigins: options.allowOrigins,
    logRequests: options.logRequests ?? false,
  });
  let port: number;
  try {
    port = await listen(app, options.host, options.port);
  } catch (error) {
    await store.close();
    await s3.close();
    throw error;
  }
  deps.port = port;
  // Readiness waits for the first reconcile of the templates given (DESIGN.md §3 "readiness"), whatever its outcome.
  const templates = options.templates ?? { paths: [], watch: false, stage: 'local', parameters: {} };
  const afterReconcile = async () => {
    for (const line of await deployments.refresh(await listStacks(store), `http://localhost:${port}`)) log.info(line);
  };
  running = await startTemplates(
    {
      store, log, cognito, identityPools, s3, region: options.region, accountId: options.accountId, afterReconcile,
      hasFunction: (arn) => deps.functions.find(arn) !== undefined,
      dataDir: options.inMemory ? undefined : options.dataDir,
    },
    templates,
  );
  // CloudFormation API stacks a crash left *_IN_PROGRESS end as CloudFormation ends a failed operation, before
  // readiness, so that the next deploy finds a stack it can change (src/cloudformation/restart.ts).
  for (const line of await cloudFormation.settleInterrupted()) log.info(line);
  ready = true;
  let closed = false;
  return {
    app,
    store,
    s3,
    tokens: deps.tokens,
    identityCredentials: identityPools.credentials,
    templates: running.templates,
    port,
    url: `http://localhost:${port}`,
    async close() {
      if (closed) return;
      closed = true;
      await running.close();
      await app.close();
      await mailer?.close();
      await deployments.close();
      await store.close();
      await s3.close();
      if (options.inMemory) await rm(filesDir, { recursive: true, force: true });
    },
  };
}
