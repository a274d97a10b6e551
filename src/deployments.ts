import type { Logger } from './cognito/deps.js';
import { createGateways, type Gateways } from './gateway/index.js';
import type { GatewayDeps } from './gateway/routes.js';
import type { StackRecord } from './iac/stacks/stackRecord.js';
import { createCodeCache, type CodeCache } from './lambda/codeCache.js';
import { createDeployedFunctions, type DeployedFunctions } from './lambda/deployedFunctions.js';
import { combineFunctions, type Functions } from './lambda/functions.js';
import { createLogTail, type LogTail } from './lambda/logTail.js';
import { createLambdaRuntime, type LambdaRuntime } from './lambda/runtime/index.js';
import type { LocalS3 } from './s3/index.js';
import type { Store } from './store/store.js';

// What the stacks deploy locally besides Cognito: their functions (run by the local Lambda runtime) and their APIs
// (served by the local API Gateway). Both are derived from the persisted stacks after every reconcile, so they
// survive restarts and change with every save.

export interface Deployments {
  /** Triggers' and integrations' functions: in-process handlers first, then the stacks' functions. */
  functions: Functions;
  gateways: Gateways;
  /** The stacks' functions as Lambda's API sees them (src/lambda/api). */
  deployed: DeployedFunctions;
  /** Where zips (from S3, inline source, UpdateFunctionCode) are unpacked to run. */
  codeCache: CodeCache;
  /** The stacks' functions in the runtime (not the in-process handlers), for Lambda's Invoke... */
  runtime: Functions;
  /** ...and what they logged, for Invoke's log tail. */
  logs: LogTail;
  /**
   * Brings functions and APIs in line with `stacks` (reading and unpacking function code from the local S3);
   * returns the lines worth printing (routes, functions that cannot run).
   */
  refresh(stacks: StackRecord[], baseUrl: string): Promise<string[]>;
  close(): Promise<void>;
}

export function createDeployments(
  deps: Omit<GatewayDeps, 'functions'> & {
    log: Logger;
    handlers: Functions;
    /** Lambda's API state of the functions (LastModified, UpdateFunction* changes) is kept here. */
    store: Store;
    /** Function code deployed as a zip in the local S3 is read from here... */
    s3: LocalS3;
    /** ...and unpacked under this folder, to run. */
    codeCacheDir: string;
  },
): Deployments {
  const logs = createLogTail(deps.log);
  const runtime: LambdaRuntime = createLambdaRuntime({ log: logs.log });
  const functions = combineFunctions(deps.handlers, runtime);
  const gateways = createGateways({ ...deps, functions });
  const codeCache = createCodeCache(deps.codeCacheDir);
  const deployed = createDeployedFunctions({ ...deps, codeCache, run: (definitions) => runtime.sync(definitions) });
  let lastListing = '';
  return {
    functions,
    gateways,
    deployed,
    codeCache,
    runtime,
    logs,
    async refresh(stacks, baseUrl) {
      const skipped = await deployed.sync(stacks);
      gateways.refresh(stacks);
      // The routes are printed when they change (DESIGN.md §3: "listed by GET /_cogniform/routes and printed").
      const listing = gateways
        .routes(baseUrl)
        .map((r) => `  ${r.method.padEnd(7)} ${r.url}${r.authorizer ? `  (${r.authorizer.type}${r.authorizer.scopes.length ? ` ${r.authorizer.scopes.join(' ')}` : ''})` : ''}`)
        .join('\n');
      const lines = skipped.map((line) => `function ${line}`);
      if (listing !== lastListing && listing) lines.push(`routes:\n${listing}`);
      lastListing = listing;
      return lines;
    },
    close: () => runtime.close(),
  };
}
