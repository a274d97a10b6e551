import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRestGateway } from '../../../src/gateway/rest/index.js';
import type { ApiGateway, GatewayDeps, GatewayRequest, PoolKeys } from '../../../src/gateway/routes.js';
import { listStacks, type StackRecord } from '../../../src/iac/stacks/stackRecord.js';
import { handlerFunctions, type Handler } from '../../../src/lambda/functions.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// A real emulator that reconciled test/gateway/fixtures/rest-app (serverless, compiled by cogniform) and
// rest-plain.yaml (hand-written CloudFormation), and a REST gateway built from the resulting stacks, with in-process
// handlers for the functions and a clock the tests can move.

export const SERVERLESS_APP = 'test/gateway/fixtures/rest-app';
export const PLAIN_TEMPLATE = 'test/gateway/fixtures/rest-plain.yaml';

export interface RestHarness {
  emulator: TestEmulator;
  stacks: StackRecord[];
  gateway: ApiGateway;
  /** Moves the gateway's clock. */
  clock: { offsetMs: number };
  errors: string[];
  /** Each handler's invocations, by function name. */
  invocations: Record<string, unknown[]>;
  physicalId(stackName: string, logicalId: string): string;
  call(apiId: string, stage: string, method: string, path: string, options?: RequestOptions): ReturnType<ApiGateway['handle']>;
  /** Signs a new user of `poolLogical`'s pool in through `clientLogical`: its ID and access tokens. */
  signIn(poolLogical: string, clientLogical: string, username: string): Promise<{ idToken: string; accessToken: string }>;
}

export interface RequestOptions {
  query?: string;
  headers?: Record<string, string | string[]>;
  body?: Buffer | string;
}

export async function startRestHarness(handlers: Record<string, Handler>): Promise<RestHarness> {
  const emulator = await startTestEmulator({
    templates: { paths: [SERVERLESS_APP, PLAIN_TEMPLATE], watch: false, stage: 'local', parameters: {} },
  });
  const stacks = await listStacks(emulator.store);
  const clock = { offsetMs: 0 };
  const errors: string[] = [];
  const invocations: Record<string, unknown[]> = {};
  const recorded = Object.fromEntries(Object.entries(handlers).map(([name, handler]): [string, Handler] => [
    name,
    (event, context) => {
      (invocations[name] ??= []).push(event);
      return handler(event, context);
    },
  ]));
  const pools: PoolKeys = {
    jwks: (poolId) => emulator.tokens.jwks(poolId),
    issuers: (poolId) => [emulator.tokens.issuer(poolId), `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`],
  };
  const deps: GatewayDeps = {
    functions: handlerFunctions(recorded),
    pools,
    credentials: emulator.identityCredentials,
    clock: { now: () => new Date(Date.now() + clock.offsetMs) },
    log: { info: () => {}, error: (message) => errors.push(message) },
    region: 'us-east-1',
    accountId: '000000000000',
  };
  const gateway = createRestGateway(stacks, deps);
  const physicalId = (stackName: string, logicalId: string) => {
    const resource = stacks.find((s) => s.Name === stackName)?.Resources[logicalId];
    if (!resource) throw new Error(`no ${logicalId} in ${stackName}: ${stacks.map((s) => `${s.Name} ${s.LastReconcile?.error}`).join('; ')}`);
    return resource.PhysicalId;
  };
  let users = 0;
  return {
    emulator, stacks, gateway, clock, errors, invocations, physicalId,
    call(apiId, stage, method, path, options = {}) {
      const request: GatewayRequest = {
        apiId, stage, method, path,
        rawQuery: options.query ?? '',
        headers: { host: 'localhost:4566', 'user-agent': 'rest-tests', ...options.headers },
        body: Buffer.from(options.body ?? ''),
        sourceIp: '127.0.0.1',
        receivedAt: Date.now(),
      };
      return gateway.handle(request);
    },
    async signIn(poolLogical, clientLogical, username) {
      const UserPoolId = physicalId('restapp-local', poolLogical);
      const name = `${username}-${++users}`;
      await emulator.client.send(new AdminCreateUserCommand({ UserPoolId, Username: name, MessageAction: 'SUPPRESS' }));
      await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: name, Password: 'Passw0rd!x', Permanent: true }));
      const { AuthenticationResult: result } = await emulator.client.send(new InitiateAuthCommand({
        ClientId: physicalId('restapp-local', clientLogical),
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: name, PASSWORD: 'Passw0rd!x' },
      }));
      return { idToken: result!.IdToken!, accessToken: result!.AccessToken! };
    },
  };
}

/** The JSON body of a response. */
export function json(response: { body: Buffer | string }): any {
  return JSON.parse(response.body.toString());
}
