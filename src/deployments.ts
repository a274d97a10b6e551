import type { Logger } from './cognito/deps.js';
import { createGateways, type Gateways } from './gateway/index.js';
import type { GatewayDeps } from './gateway/routes.js';
import type { StackRecord } from './iac/stacks/stackRecord.js';
import { combineFunctions, type Functions } from './lambda/functions.js';
import { functionsOfStacks } from './lambda/fromStacks.js';
import { createLambdaRuntime, type LambdaRuntime } from './lambda/runtime/index.js';

// What the stacks deploy locally besides Cognito: their functions (run by the local Lambda runtime) and their APIs
// (served by the local API Gateway). Both are derived from the persisted stacks after every reconcile, so they
// survive restarts and change with every save.

export interface Deployments {
  /** Triggers' and integrations' functions: in-process handlers first, then the stacks' functions. */
  functions: Functions;
  gateways: Gateways;
  /** Brings functions and APIs in line with `stacks`; returns the lines worth printing (routes, skipped functions). */
  refresh(stacks: StackRecord[], baseUrl: string): string[];
  close(): Promise<void>;
}

export function createDeployments(
  deps: Omit<GatewayDeps, 'functions'> & { log: Logger; handlers: Functions },
): Deployments {
  const runtime: LambdaRuntime = createLambdaRuntime({ log: deps.log });
  const functions = combineFunctions(deps.handlers, runtime);
  const gateways = createGateways({ ...deps, functions });
  let lastListing = '';
  return {
    functions,
    gateways,
    refresh(stacks, baseUrl) {
      const { definitions, skipped } = functionsOfStacks(stacks, deps.accountId);
      runtime.sync(definitions);
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
