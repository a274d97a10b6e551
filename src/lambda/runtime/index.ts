import { isDeepStrictEqual } from 'node:util';
import type { FunctionDefinition } from '../definition.js';
import { functionName, type Functions, type LocalFunction } from '../functions.js';
import { FunctionPool } from './functionPool.js';
import type { RuntimeLog } from './workerHost.js';

// cogniform's local Lambda: the functions the templates declare, each run in warm worker threads (see
// functionPool.ts and workerHost.ts), found by the name in their ARN.

export { FunctionError, type ErrorPayload } from './errors.js';
export type { RuntimeLog } from './workerHost.js';

export interface LambdaRuntime extends Functions {
  /** Makes the runtime serve exactly these functions (after every reconcile): new ones added, changed ones (any field) restarted on next invoke, gone ones stopped. */
  sync(definitions: FunctionDefinition[]): void;
  close(): Promise<void>;
}

export function createLambdaRuntime(deps: { log: RuntimeLog }): LambdaRuntime {
  const pools = new Map<string, { definition: FunctionDefinition; pool: FunctionPool }>();

  return {
    find(arn): LocalFunction | undefined {
      const entry = pools.get(functionName(arn));
      if (!entry) return undefined;
      const { pool } = entry;
      return { name: pool.name, invoke: (event) => pool.invoke(event) };
    },

    sync(definitions) {
      const wanted = new Map(definitions.map((definition) => [definition.name, definition]));
      for (const [name, { pool }] of pools) {
        if (wanted.has(name)) continue;
        pools.delete(name);
        void pool.close();
      }
      for (const [name, definition] of wanted) {
        const entry = pools.get(name);
        if (!entry) pools.set(name, { definition, pool: new FunctionPool(definition, deps.log) });
        else if (!isDeepStrictEqual(entry.definition, definition)) {
          entry.definition = definition;
          entry.pool.update(definition);
        }
      }
    },

    async close() {
      const closing = [...pools.values()].map(({ pool }) => pool.close());
      pools.clear();
      await Promise.all(closing);
    },
  };
}
