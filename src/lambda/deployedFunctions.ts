import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../cognito/deps.js';
import type { StackRecord } from '../iac/stacks/stackRecord.js';
import type { LocalS3 } from '../s3/index.js';
import type { Store } from '../store/store.js';
import { BadZipError, inlineSourceZip, type CodeCache, type UnpackedCode } from './codeCache.js';
import type { FunctionDefinition } from './definition.js';
import { functionsOfStacks, type CodeSource, type StackFunction } from './fromStacks.js';
import { functionStates, type ConfigurationChanges, type FunctionState, type StoredCode } from './functionState.js';

// The functions the stacks deploy, with their code located (a host folder, or a zip from the local S3 or inline
// source, unpacked by the code cache) and the state Lambda's API reports (./functionState.ts). After every
// reconcile `sync` brings them in line with the stacks; UpdateFunctionCode and UpdateFunctionConfiguration change
// one of them. Either way the runtime is given the new definitions, so the next invocation runs them. Syncs and
// updates run one at a time, so an update never lands between a sync's read and write of the same function.

export interface DeployedFunction {
  stack: StackFunction;
  state: FunctionState;
  /** What the runtime runs: the stack's function with the API's changes. */
  definition: FunctionDefinition;
  description: string;
}

export interface DeployedFunctions {
  /** Follows the stacks; returns one line per function that cannot run, saying why. */
  sync(stacks: StackRecord[]): Promise<string[]>;
  get(name: string): DeployedFunction | undefined;
  list(): DeployedFunction[];
  /** New code for `name` (undefined when there is no such function). */
  updateCode(name: string, code: UnpackedCode, object?: StoredCode['object']): Promise<DeployedFunction | undefined>;
  updateConfiguration(name: string, changes: ConfigurationChanges): Promise<DeployedFunction | undefined>;
}

export interface DeployedFunctionsDeps {
  store: Store;
  clock: Clock;
  s3: LocalS3;
  codeCache: CodeCache;
  accountId: string;
  /** The runtime, told the full set of definitions after every change. */
  run(definitions: FunctionDefinition[]): void;
}

interface Located {
  code: StoredCode;
  dir: string;
}

export function createDeployedFunctions(deps: DeployedFunctionsDeps): DeployedFunctions {
  const table = deps.store.table(functionStates);
  let current = new Map<string, DeployedFunction>();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <R>(work: () => Promise<R>): Promise<R> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };

  /** Where a function's code is now: its zip's cache folder, or the host folder the stack names. */
  async function folderOf(stack: StackFunction, code: StoredCode): Promise<string | undefined> {
    if (code.cacheKey) return deps.codeCache.folder(code.cacheKey);
    return stack.code.kind === 'folder' ? stack.code.dir : undefined;
  }

  /** The stack's code, fetched and unpacked; a string says why it cannot run. */
  async function locate(source: CodeSource): Promise<Located | string> {
    if (source.kind === 'folder') {
      const sha256 = createHash('sha256').update(source.dir).digest('base64');
      return { code: { sha256, size: 0 }, dir: source.dir };
    }
    let zip: Uint8Array;
    if (source.kind === 'inline') zip = inlineSourceZip(source.source);
    else {
      const object = await deps.s3.getObject(source.bucket, source.key).catch(() => undefined);
      if (!object) return `its code s3://${source.bucket}/${source.key} is not in the local S3`;
      zip = object.body;
    }
    try {
      const unpacked = await deps.codeCache.unpack(zip);
      const object = source.kind === 's3' ? { object: { bucket: source.bucket, key: source.key } } : {};
      return { code: { sha256: unpacked.sha256, size: unpacked.size, cacheKey: unpacked.key, ...object }, dir: unpacked.dir };
    } catch (error) {
      if (error instanceof BadZipError) return `its code ${source.kind === 's3' ? `s3://${source.bucket}/${source.key} ` : ''}is not a zip cogniform can unpack`;
      throw error;
    }
  }

  /** The state after a reconcile: kept as it is while the stack's properties are unchanged, else the stack's anew. */
  async function follow(stack: StackFunction, previous: FunctionState | undefined): Promise<DeployedFunction | string> {
    const unchanged = previous?.fingerprint === stack.fingerprint && previous.stackName === stack.stackName;
    const keptDir = unchanged ? await folderOf(stack, previous.code) : undefined;
    if (unchanged && keptDir) return deployed(stack, previous, keptDir);
    const located = await locate(stack.code);
    if (typeof located === 'string') return located;
    const state: FunctionState = unchanged
      ? { ...previous, code: located.code }
      : {
          name: stack.definition.name,
          stackName: stack.stackName,
          fingerprint: stack.fingerprint,
          lastModified: deps.clock.now().toISOString(),
          revisionId: randomUUID(),
          code: located.code,
          configuration: {},
        };
    await save(state);
    return deployed(stack, state, located.dir);
  }

  async function save(state: FunctionState): Promise<void> {
    await deps.store.transact(`lambda\0${state.name}`, (tx) => tx.put(table, state));
  }

  function publish(next: Map<string, DeployedFunction>): void {
    current = next;
    deps.run([...next.values()].map((fn) => fn.definition));
  }

  async function change(name: string, apply: (state: FunctionState) => FunctionState, dir?: string): Promise<DeployedFunction | undefined> {
    return serial(async () => {
      const fn = current.get(name);
      if (!fn) return undefined;
      const state = { ...apply(fn.state), lastModified: deps.clock.now().toISOString(), revisionId: randomUUID() };
      await save(state);
      const updated = deployed(fn.stack, state, dir ?? fn.definition.codeDir);
      publish(new Map(current).set(name, updated));
      return updated;
    });
  }

  return {
    sync: (stacks) =>
      serial(async () => {
        const { functions, skipped } = functionsOfStacks(stacks, deps.accountId);
        const lines = [...skipped];
        const next = new Map<string, DeployedFunction>();
        for (const stack of functions) {
          const result = await follow(stack, await table.get([stack.definition.name]));
          if (typeof result === 'string') lines.push(`${stack.stackName}/${stack.logicalId} (${stack.definition.name}): ${result}, so it cannot run locally`);
          else next.set(stack.definition.name, result);
        }
        // Functions the stacks no longer declare are gone, their API state with them.
        const declared = new Set(functions.map((fn) => fn.definition.name));
        const { items } = await table.list([], { limit: 100_000 });
        for (const state of items.filter((s) => !declared.has(s.name))) {
          await deps.store.transact(`lambda\0${state.name}`, (tx) => tx.delete(table, state));
        }
        publish(next);
        return lines;
      }),
    get: (name) => current.get(name),
    list: () => [...current.values()].sort((a, b) => (a.state.name < b.state.name ? -1 : 1)),
    updateCode: (name, code, object) =>
      change(name, (state) => ({ ...state, code: { sha256: code.sha256, size: code.size, cacheKey: code.key, ...(object ? { object } : {}) } }), code.dir),
    updateConfiguration: (name, changes) => change(name, (state) => ({ ...state, configuration: { ...state.configuration, ...changes } })),
  };
}

function deployed(stack: StackFunction, state: FunctionState, codeDir: string): DeployedFunction {
  const changes = state.configuration;
  const base = stack.definition;
  const memorySize = changes.MemorySize ?? base.memorySize;
  const runtime = changes.Runtime ?? base.runtime;
  return {
    stack,
    state,
    description: changes.Description ?? stack.description,
    definition: {
      ...base,
      codeDir,
      handler: changes.Handler ?? base.handler,
      environment: changes.Variables ?? base.environment,
      timeoutSeconds: changes.Timeout ?? base.timeoutSeconds,
      ...(memorySize !== undefined ? { memorySize } : {}),
      ...(runtime !== undefined ? { runtime } : {}),
    },
  };
}
