import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../cognito/deps.js';
import type { Store } from '../store/store.js';
import { isEmulated } from './apply.js';
import { reconcile, type Change, type ReconcileDeps, type ReconcileRequest, type ReconcileResult } from './reconcile.js';
import { loadStack, templateFiles, type SourceOptions } from './sources.js';
import { deleteStackRecord, listStacks } from './stacks/stackRecord.js';
import { unlocated } from './template.js';
import { warnAboutTriggers } from './triggerCheck.js';
import { messageOf } from '../errorMessage.js';

// The templates `cogniform start PATH...` was given: each reconcile loads them all and brings every stack in line,
// prints what changed, and removes the stacks of files that are gone. A file that fails to load or apply keeps its
// last good state (a failed update is rolled back to it) and says where the error is; the others go ahead.

export interface TemplatesOptions extends SourceOptions {
  paths: string[];
  parameters: Record<string, string>;
  /** `--outputs FILE`: every stack's outputs as JSON, written after each reconcile. */
  outputsFile?: string | undefined;
}

export interface TemplatesDeps extends ReconcileDeps {
  store: Store;
  log: Logger;
  /** Runs after every reconcile, whatever its outcome (the local functions and APIs follow the stacks). */
  afterReconcile?: () => Promise<void>;
  /** Whether a trigger's ARN names a function that can run (./triggerCheck.ts); else the stacks' functions. */
  hasFunction?: (arn: string) => boolean;
}

export interface ReconcileReport {
  /** One line per error, `<file>:<line>:<col> <reason>`. */
  errors: string[];
  durationMs: number;
}

export function createTemplates(deps: TemplatesDeps, options: TemplatesOptions) {
  const roots = options.paths.map((p) => path.resolve(p));
  const underRoots = (file: string) => roots.some((root) => file === root || file.startsWith(root + path.sep));

  // One reconcile at a time, whoever asks (a save, `cogniform deploy`): two at once could both change one stack.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <R>(work: () => Promise<R>): Promise<R> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };

  async function reconcileAllNow(): Promise<ReconcileReport> {
    const started = performance.now();
    const errors: string[] = [];
    const reconciled: Parameters<typeof warnAboutTriggers>[1] = [];
    let files: string[] = [];
    try {
      files = await templateFiles(options.paths);
    } catch (error) {
      errors.push(messageOf(error));
    }
    for (const file of files) {
      try {
        const { loaded, stackName, region } = await loadStack(file, options);
        const result = await reconcile(deps, { loaded, stackName, region, parameters: options.parameters, rollBack: true });
        reconciled.push({ loaded, stack: result.stack });
        deps.log.info(summary(file, stackName, result.changes, result.durationMs));
      } catch (error) {
        errors.push(messageOf(error));
      }
    }
    await removeStacksOfMissingFiles(new Set(files.map((f) => path.resolve(f))), errors);
    for (const line of errors) deps.log.error(`${line}\n  (kept the last good state; fix the file and save again)`);
    if (options.outputsFile) await writeOutputs(options.outputsFile);
    await deps.afterReconcile?.();
    await warnAboutTriggers(deps, reconciled);
    return { errors, durationMs: performance.now() - started };
  }

  async function removeStacksOfMissingFiles(present: Set<string>, errors: string[]): Promise<void> {
    for (const stack of await listStacks(deps.store)) {
      const source = path.resolve(stack.Source);
      // A stack of the CloudFormation API has no file: only DeleteStack removes it.
      if (stack.Origin === 'api' || present.has(source) || !underRoots(source) || (await exists(source))) continue;
      try {
        const result = await reconcile(deps, { loaded: unlocated(stack.Source, { Resources: {} }), stackName: stack.Name, region: stack.Region, parameters: {} });
        await deleteStackRecord(deps.store, stack.Name);
        deps.log.info(summary(stack.Source, stack.Name, result.changes, result.durationMs) + ' (file removed: stack deleted)');
      } catch (error) {
        errors.push(messageOf(error));
      }
    }
  }

  /** Written only when it changes: the file may sit in a watched folder, where every write is a save. */
  async function writeOutputs(file: string): Promise<void> {
    const all = Object.fromEntries((await listStacks(deps.store)).map((s) => [s.Name, s.Outputs]));
    const text = JSON.stringify(all, null, 2) + '\n';
    if ((await readFile(file, 'utf8').catch(() => undefined)) !== text) await writeFile(file, text);
  }

  /** `cogniform deploy FILE`: one file reconciled once, with its own stage and parameters; the summary logged and returned. */
  async function deployNow(file: string, given: { stage?: string; parameters?: Record<string, string> }): Promise<DeployReport> {
    try {
      const { loaded, stackName, region } = await loadStack(file, { ...options, ...(given.stage ? { stage: given.stage } : {}) });
      const result = await reconcile(deps, { loaded, stackName, region, parameters: given.parameters ?? {}, rollBack: true });
      const text = summary(file, stackName, result.changes, result.durationMs);
      deps.log.info(text);
      if (options.outputsFile) await writeOutputs(options.outputsFile);
      await deps.afterReconcile?.();
      await warnAboutTriggers(deps, [{ loaded, stack: result.stack }]);
      return { stackName, summary: text, outputs: result.stack.Outputs, errors: [] };
    } catch (error) {
      deps.log.error(messageOf(error));
      return { summary: '', outputs: {}, errors: [messageOf(error)] };
    }
  }

  /** The engine as a CloudFormation API job sees it: reconciles that log their summary like a file's. */
  const engine: StackEngine = {
    async apply(request) {
      const result = await reconcile(deps, request);
      deps.log.info(summary(request.loaded.file, request.stackName, result.changes, result.durationMs));
      return result;
    },
    async remove(request) {
      const result = await reconcile(deps, { ...request, loaded: unlocated(request.file, { Resources: {} }), parameters: {} });
      await deleteStackRecord(deps.store, request.stackName);
      deps.log.info(summary(request.file, request.stackName, result.changes, result.durationMs) + ' (stack deleted)');
      return result;
    },
  };

  /**
   * A CloudFormation API job (src/cloudformation/): runs in the same queue as the file reconciles, so that no two
   * changes meet on one stack; the local functions and routes follow the stacks afterwards, whatever its outcome.
   */
  async function stackJobNow<R>(work: (engine: StackEngine) => Promise<R>): Promise<R> {
    try {
      return await work(engine);
    } finally {
      if (options.outputsFile) await writeOutputs(options.outputsFile);
      await deps.afterReconcile?.();
    }
  }

  return {
    reconcileAll: () => serial(reconcileAllNow),
    stackJob: <R>(work: (engine: StackEngine) => Promise<R>) => serial(() => stackJobNow(work)),
    deploy: (file: string, given: { stage?: string; parameters?: Record<string, string> }) => serial(() => deployNow(file, given)),
    roots,
  };
}

/** What a CloudFormation API job may do to its stack (src/iac/templates.ts stackJob). */
export interface StackEngine {
  /** reconcile() with its summary logged; throws the TemplateError of the resource that failed. */
  apply(request: ReconcileRequest): Promise<ReconcileResult>;
  /** Deletes every resource of the stack (dependents first, Retain kept) and then its record. */
  remove(request: Omit<ReconcileRequest, 'loaded' | 'parameters'> & { file: string }): Promise<ReconcileResult>;
}

export interface DeployReport {
  stackName?: string;
  /** The lines printed for the change. */
  summary: string;
  outputs: Record<string, string>;
  /** `<file>:<line>:<col> <reason>` lines; empty when it was applied. */
  errors: string[];
}

export type Templates = ReturnType<typeof createTemplates>;

const exists = (file: string) => access(file).then(() => true, () => false);


const SIGNS: Record<Change['action'], string> = { create: '+', update: '~', replace: '±', delete: '-', unchanged: '=' };

/** `serverless.yml → stack app-local (12 ms)` and one line per change; unchanged resources counted, not listed. */
export function summary(file: string, stackName: string, changes: Change[], durationMs: number): string {
  const lines = [`${file} → stack ${stackName} (${Math.round(durationMs)} ms)`];
  const unchanged = changes.filter((c) => c.action === 'unchanged').length;
  for (const change of changes) {
    if (change.action === 'unchanged') continue;
    const note = change.retained ? ' (kept: DeletionPolicy Retain; the stack no longer manages it)' : '';
    lines.push(`  ${SIGNS[change.action]} ${change.logicalId} ${change.type} ${change.physicalId}${note}`);
  }
  if (unchanged) lines.push(`  = ${unchanged} unchanged`);
  // Types cogniform does not emulate are recorded with an id so that Refs to them resolve, and said so once.
  const recorded = [...new Set(changes.filter((c) => c.action === 'create' && !isEmulated(c.type)).map((c) => c.type))];
  if (recorded.length) lines.push(`  (recorded only, not emulated: ${recorded.join(', ')})`);
  return lines.join('\n');
}
