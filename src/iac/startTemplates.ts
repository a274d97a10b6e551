import { randomUUID } from 'node:crypto';
import type { Logger } from '../cognito/deps.js';
import type { CognitoService } from '../cognito/service.js';
import type { IdentityPoolsSurface } from '../cognitoIdentity/index.js';
import type { LocalS3 } from '../s3/index.js';
import type { Store } from '../store/store.js';
import { watchPaths, type Watcher } from '../watch/watcher.js';
import { recoverInterrupted } from './recover.js';
import type { ReconcileDeps } from './reconcile.js';
import { createTemplates, type Templates } from './templates.js';

// `cogniform start PATH...`: the templates reconciled once, then (unless --no-watch) on every save.

export interface TemplateOptions {
  paths: string[];
  /** Follow the files and reconcile on every save (`--no-watch` turns it off). */
  watch: boolean;
  /** `--stage`, default `local`. */
  stage: string;
  /** `--param KEY=VALUE`. */
  parameters: Record<string, string>;
  /** `--outputs FILE`. */
  outputsFile?: string | undefined;
  /** Quiet time that ends a burst of saves. */
  debounceMs?: number;
}

export interface RunningTemplates {
  templates: Templates;
  close(): Promise<void>;
}

export async function startTemplates(
  deps: {
    store: Store;
    log: Logger;
    cognito: CognitoService;
    /** The identity pools' surface (AWS::Cognito::IdentityPool and its role attachment call it). */
    identityPools: IdentityPoolsSurface;
    s3: LocalS3;
    region: string;
    accountId: string;
    afterReconcile?: () => Promise<void>;
    /** Whether a trigger's ARN names a function that can run (the reconcile warns of those that do not). */
    hasFunction?: (arn: string) => boolean;
    /** The LevelDB folder, never a save even inside a watched folder. */
    dataDir?: string | undefined;
  },
  options: TemplateOptions,
): Promise<RunningTemplates> {
  const { accountId } = deps;
  const providerContext: ReconcileDeps['providerContext'] = ({ stackName, region }) => ({
    region,
    accountId,
    stackName,
    s3: deps.s3,
    log: (line) => deps.log.info(line),
    cognito: (operation, request, extra) =>
      deps.cognito(operation, { region, accountId, requestId: randomUUID(), ...extra }, request),
    cognitoIdentity: (operation, request, extra) =>
      deps.identityPools.handle(operation, { body: request, region, requestId: randomUUID() }, extra),
  });
  const templates = createTemplates(
    {
      store: deps.store,
      log: deps.log,
      accountId,
      ...(deps.afterReconcile ? { afterReconcile: deps.afterReconcile } : {}),
      ...(deps.hasFunction ? { hasFunction: deps.hasFunction } : {}),
      providerContext,
    },
    { ...options, region: deps.region, accountId, env: process.env },
  );
  // Before the first reconcile, which then finishes what a crash cut off in the stacks of the files.
  for (const line of await recoverInterrupted({ store: deps.store, providerContext, accountId })) deps.log.info(line);
  await templates.reconcileAll();
  let watcher: Watcher | undefined;
  if (options.watch) {
    const debounce = options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {};
    const ignore = [deps.dataDir, options.outputsFile].filter((p): p is string => p !== undefined);
    const onError = (error: unknown) => deps.log.error('watch: the reconcile after a save failed', error);
    watcher = watchPaths(options.paths, templates.reconcileAll, { ...debounce, ignore, onError });
    await watcher.ready;
    deps.log.info(`watching ${options.paths.join(', ')} for changes`);
  }
  return { templates, close: async () => watcher?.close() };
}
