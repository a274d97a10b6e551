import type { StackRecord } from '../iac/stacks/stackRecord.js';
import { createHttpGateway } from './http/index.js';
import { createRestGateway } from './rest/index.js';
import type { ApiGateway, GatewayDeps, RouteListing } from './routes.js';

// Both API types, rebuilt from the stacks after every reconcile: requests find their API by id.

export interface Gateways {
  refresh(stacks: StackRecord[]): void;
  /** The gateway serving `apiId`, and whether it is a REST or an HTTP API. */
  find(apiId: string): { gateway: ApiGateway; apiType: 'REST' | 'HTTP' } | undefined;
  routes(baseUrl: string): RouteListing[];
}

export function createGateways(deps: GatewayDeps): Gateways {
  let rest: ApiGateway = createRestGateway([], deps);
  let http: ApiGateway = createHttpGateway([], deps);
  return {
    refresh(stacks) {
      rest = createRestGateway(stacks, deps);
      http = createHttpGateway(stacks, deps);
    },
    find(apiId) {
      if (rest.has(apiId)) return { gateway: rest, apiType: 'REST' };
      if (http.has(apiId)) return { gateway: http, apiType: 'HTTP' };
      return undefined;
    },
    routes: (baseUrl) => [...rest.routes(baseUrl), ...http.routes(baseUrl)],
  };
}
