import { readFile } from 'node:fs/promises';
import { createInbox } from '../../src/cognito/codes/inbox.js';
import { CognitoError } from '../../src/cognito/errors.js';
import { randomIds } from '../../src/cognito/ids.js';
import { createCognitoService } from '../../src/cognito/service.js';
import { loadCloudFormation } from '../../src/iac/load/cloudformation.js';
import { reconcile, type ReconcileDeps, type ReconcileResult } from '../../src/iac/reconcile.js';
import { handlerFunctions } from '../../src/lambda/functions.js';
import { identityCall, type TestEmulator } from '../helpers/emulator.js';

// Reconciling fixture templates into a real test emulator. The provider context is built as
// src/iac/startTemplates.ts builds it, around a Cognito service over the emulator's store, so that pinned ids
// (which no API call can pass) reach CreateUserPool and CreateUserPoolClient.

export const FIXTURES = 'test/iac/fixtures/reconcile';

export interface Harness {
  /** The Cognito operations the providers called during the last `run`, in order. */
  calls: string[];
  /** What providers logged. */
  logs: string[];
  /** Reconciles the fixture `name` into `stackName` (default `app`); `rollBack` as a file's reconcile does. */
  run(name: string, options?: RunOptions): Promise<ReconcileResult>;
  /** Reconciles template `text` as the file `file`, as `run` does. */
  runText(file: string, text: string, options?: RunOptions): Promise<ReconcileResult>;
  /** A Cognito call through the emulator's HTTP API, throwing the AWS error it answers. */
  api(operation: string, request: object): Promise<any>;
}

interface RunOptions {
  stackName?: string;
  parameters?: Record<string, string>;
  rollBack?: boolean;
}

const quiet = { info: () => {}, error: () => {} };

export function reconcileHarness(emulator: TestEmulator, region = 'us-east-1', accountId = '000000000000'): Harness {
  const clock = { now: () => new Date() };
  const { store } = emulator;
  const cognito = createCognitoService({
    store,
    clock,
    ids: randomIds,
    log: quiet,
    inbox: createInbox({ store, clock, log: quiet }),
    port: emulator.port,
    issuer: 'local',
    tokens: emulator.tokens,
    functions: handlerFunctions({}),
  });
  const calls: string[] = [];
  const logs: string[] = [];
  let requests = 0;
  const deps: ReconcileDeps = {
    store,
    accountId,
    providerContext: ({ stackName, region: stackRegion }) => ({
      region: stackRegion,
      accountId,
      stackName,
      s3: emulator.s3,
      log: (line) => logs.push(line),
      cognito(operation, request, extra) {
        calls.push(operation);
        return cognito(operation, { region: stackRegion, accountId, requestId: `test-${++requests}`, ...extra }, request) as Promise<any>;
      },
      cognitoIdentity(operation, request) {
        calls.push(operation);
        return identityCall(emulator, operation, request);
      },
    }),
  };
  const runText = (file: string, text: string, options: RunOptions = {}) => {
    const loaded = loadCloudFormation(file, text);
    calls.length = 0;
    return reconcile(deps, {
      loaded, stackName: options.stackName ?? 'app', region, parameters: options.parameters ?? {}, ...(options.rollBack ? { rollBack: true } : {}),
    });
  };
  return {
    calls,
    logs,
    async run(name, options = {}) {
      const file = `${FIXTURES}/${name}`;
      return runText(file, await readFile(file, 'utf8'), options);
    },
    runText,
    async api(operation, request) {
      const { status, body } = await emulator.call(operation, request);
      if (status >= 300) throw new CognitoError(body.__type, body.message, status);
      return body;
    },
  };
}

/** The error `work` fails with; fails the test when it does not. */
export async function failure(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
