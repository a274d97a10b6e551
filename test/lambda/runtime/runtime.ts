import { fileURLToPath } from 'node:url';
import type { FunctionDefinition } from '../../../src/lambda/definition.js';
import { createLambdaRuntime, type LambdaRuntime } from '../../../src/lambda/runtime/index.js';

// Shared by the runtime's tests: definitions of the fixture handlers, and a runtime whose log lines are kept.

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function definition(name: string, handler: string, overrides: Partial<FunctionDefinition> = {}): FunctionDefinition {
  return {
    name,
    handler,
    codeDir: FIXTURES,
    environment: {},
    timeoutSeconds: 3,
    region: 'eu-west-1',
    accountId: '123456789012',
    stackName: 'runtime-test',
    ...overrides,
  };
}

export interface TestRuntime extends LambdaRuntime {
  /** Every line logged so far, `info: ...` or `error: ...`. */
  lines: string[];
  /** Invokes the function named `name`, which must exist. */
  invoke(name: string, event?: unknown): Promise<unknown>;
}

export function testRuntime(definitions: FunctionDefinition[]): TestRuntime {
  const lines: string[] = [];
  const runtime = createLambdaRuntime({
    log: { info: (message) => lines.push(`info: ${message}`), error: (message) => lines.push(`error: ${message}`) },
  });
  runtime.sync(definitions);
  return Object.assign(runtime, {
    lines,
    invoke(name: string, event: unknown = {}) {
      const found = runtime.find(`arn:aws:lambda:eu-west-1:123456789012:function:${name}`);
      if (!found) throw new Error(`no function ${name}`);
      return found.invoke(event);
    },
  });
}

/** The FunctionError an invocation rejects with (fails the test when it succeeds). */
export async function failure(invocation: Promise<unknown>): Promise<{ errorType: string; errorMessage: string; message: string }> {
  try {
    await invocation;
  } catch (error) {
    return error as { errorType: string; errorMessage: string; message: string };
  }
  throw new Error('the invocation succeeded');
}
