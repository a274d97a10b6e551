import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import { applyAction, atResource, isEmulated, mustDeleteFirst, providerOf, removeResource } from './apply.js';
import {
  dependencies,
  evaluateConditions,
  isActive,
  resolveParameters,
  resolveValue,
  topologicalOrder,
  type ResolveScope,
} from './intrinsics/index.js';
import { inDependencyOrder } from './schedule.js';
import { decide, deletionOrder, withDependents, type Action } from './plan.js';
import type { ProviderContext } from './resources/index.js';
import { exportsOf, readStack, saveStack, type ReconcileSummary, type StackRecord, type StackResource } from './stacks/stackRecord.js';
import type { LoadedTemplate } from './template.js';

// Reconciling one stack: the template's resources resolved in dependency order, each created, updated in place,
// replaced or left alone (./plan.ts decides, ./apply.ts applies), then the resources the template dropped deleted,
// dependents first, then the resources replaced. Every change goes through a resource provider, which calls the
// same Cognito operations an API client does.

export interface ReconcileDeps {
  store: Store;
  /** Builds the provider context for a stack (the Cognito service bound to its region and account). */
  providerContext(stack: { stackName: string; region: string }): ProviderContext;
  accountId: string;
}

export interface ReconcileRequest {
  loaded: LoadedTemplate;
  stackName: string;
  region: string;
  /** `--param KEY=VALUE`. */
  parameters: Record<string, string>;
}

export interface Change {
  action: Action | 'delete';
  logicalId: string;
  type: string;
  physicalId: string;
  /** A dropped resource its DeletionPolicy kept. */
  retained?: boolean;
}

export interface ReconcileResult {
  stack: StackRecord;
  changes: Change[];
  durationMs: number;
}

/** Metadata `cogniform: { id }` pins a pool's or client's id, so a frontend's configuration never changes. */
const pinnedIdOf = (metadata: Record<string, unknown> | undefined) => {
  const id = (metadata?.cogniform as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

export async function reconcile(deps: ReconcileDeps, request: ReconcileRequest): Promise<ReconcileResult> {
  const started = performance.now();
  const startedAt = new Date();
  const { loaded, stackName, region } = request;
  const { template } = loaded;
  const previous = await readStack(deps.store, stackName);
  const stackId = previous?.StackId ?? `arn:aws:cloudformation:${region}:${deps.accountId}:stack/${stackName}/${randomUUID()}`;
  const applied: Record<string, StackResource> = { ...previous?.Resources };
  const imports = await exportsOf(deps.store, stackName);
  const scope: ResolveScope = {
    loaded,
    pseudo: { region, accountId: deps.accountId, stackName, stackId, partition: 'aws', urlSuffix: 'amazonaws.com' },
    parameters: resolveParameters(loaded, request.parameters),
    conditions: {},
    resource: (id) => (applied[id] ? { ref: applied[id].PhysicalId, attributes: applied[id].Attributes } : undefined),
    importValue: (name) => imports.get(name),
  };
  scope.conditions = evaluateConditions(loaded, scope);
  const graph = dependencies(loaded);
  const active = topologicalOrder(loaded, graph).filter((id) => isActive(template.Resources[id]!, scope.conditions));
  validate(loaded, scope, active);

  const context = deps.providerContext({ stackName, region });
  const changes: Change[] = [];
  /** Old resources replaced this time: CloudFormation deletes them in a cleanup pass after everything else. */
  const replaced: StackResource[] = [];
  /** Resources deleted ahead of their replacement (see mustDeleteFirst), with what depended on them. */
  const cleared = new Set<string>();
  const stack: StackRecord = {
    Name: stackName,
    StackId: stackId,
    Source: loaded.file,
    Region: region,
    Status: previous ? 'UPDATE_COMPLETE' : 'CREATE_COMPLETE',
    Resources: applied,
    Outputs: previous?.Outputs ?? {},
    Exports: previous?.Exports ?? {},
  };
  const deleted = (id: string, gone: StackResource) => {
    delete applied[id];
    const retained = retains(gone.DeletionPolicy) && !cleared.has(id);
    changes.push({ action: 'delete', logicalId: id, type: gone.Type, physicalId: gone.PhysicalId, ...(retained ? { retained } : {}) });
  };
  /**
   * Deletes `id` and its dependents now; those the template keeps are created again in their turn (they depend on
   * `id`, so none of them has started yet).
   */
  const clear = async (id: string) => {
    for (const old of withDependents(applied, id)) {
      const gone = applied[old]!;
      await atResource(loaded, old, () => removeResource(context, gone));
      cleared.add(old);
      if (active.includes(old)) delete applied[old];
      else deleted(old, gone);
    }
  };
  try {
    await inDependencyOrder(active, (id) => graph.get(id) ?? [], async (id) => {
      const { Type: type, Metadata, DeletionPolicy, UpdateReplacePolicy } = template.Resources[id]!;
      const properties = (resolveValue(template.Resources[id]!.Properties ?? {}, scope, ['Resources', id, 'Properties']) ?? {}) as Record<string, unknown>;
      const pinnedId = pinnedIdOf(Metadata);
      const before = applied[id];
      const action = cleared.has(id) ? 'replace' : decide(before, type, properties, providerOf(type), pinnedId);
      if (action === 'replace' && before) {
        if (mustDeleteFirst(before, properties, pinnedId)) await clear(id);
        else replaced.push(before);
      }
      const creates = action === 'replace' ? 'create' : action;
      const done = await atResource(loaded, id, () => applyAction(context, id, type, before, properties, creates, pinnedId));
      applied[id] = {
        Type: type,
        PhysicalId: done.physicalId,
        Attributes: done.attributes,
        Properties: properties,
        DependsOn: [...(graph.get(id) ?? [])],
        ...(isEmulated(type) ? {} : { Accepted: true }),
        ...(DeletionPolicy ? { DeletionPolicy } : {}),
        ...(UpdateReplacePolicy ? { UpdateReplacePolicy } : {}),
      };
      changes.push({ action, logicalId: id, type, physicalId: done.physicalId });
    });
    // Reported in the template's dependency order, whatever order the side-by-side work finished in.
    const position = new Map(active.map((id, i) => [id, i]));
    changes.sort((a, b) => (position.get(a.logicalId) ?? -1) - (position.get(b.logicalId) ?? -1));
    for (const id of deletionOrder(applied, new Set(active))) {
      const gone = applied[id]!;
      // DeletionPolicy Retain (and RetainExceptOnCreate, which differs only when a create rolls back): the stack
      // forgets the resource and the resource stays (CloudFormation DeletionPolicy attribute reference).
      if (!retains(gone.DeletionPolicy)) await atResource(loaded, id, () => removeResource(context, gone));
      deleted(id, gone);
    }
    // Replaced resources last, newest dependents first, once nothing refers to them any more; UpdateReplacePolicy
    // Retain keeps them.
    for (const old of replaced.reverse()) if (!retains(old.UpdateReplacePolicy)) await removeResource(context, old);
    Object.assign(stack, outputsOf(loaded, scope));
  } catch (error) {
    stack.Status = previous ? 'UPDATE_FAILED' : 'CREATE_FAILED';
    stack.LastReconcile = lastReconcile(startedAt, started, changes, error instanceof Error ? error.message : String(error));
    await saveStack(deps.store, stack);
    throw error;
  }
  stack.LastReconcile = lastReconcile(startedAt, started, changes, null);
  await saveStack(deps.store, stack);
  return { stack, changes, durationMs: stack.LastReconcile.durationMs };
}

const retains = (policy: string | undefined) => policy === 'Retain' || policy === 'RetainExceptOnCreate';

function lastReconcile(at: Date, started: number, changes: Change[], error: string | null): ReconcileSummary {
  const count = (action: Change['action']) => changes.filter((c) => c.action === action).length;
  return {
    at: at.toISOString(),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    changes: { created: count('create'), updated: count('update'), replaced: count('replace'), deleted: count('delete'), unchanged: count('unchanged') },
    error,
  };
}

/** Resolves everything once before any change, with stand-ins for resources not created yet: a template that
 * cannot resolve changes nothing. */
function validate(loaded: LoadedTemplate, scope: ResolveScope, active: string[]): void {
  // A stand-in answers every attribute name: which ones a resource has is known once it exists.
  const anyAttribute = (id: string) => new Proxy({}, {
    get: (_, name) => (typeof name === 'string' ? `${id}.${name}-pending` : undefined),
    getOwnPropertyDescriptor: (_, name) => ({ value: `${id}.${String(name)}-pending`, configurable: true, enumerable: true }),
  });
  const pending = (id: string) => ({ ref: `${id}-pending`, attributes: anyAttribute(id) });
  const dry: ResolveScope = { ...scope, resource: (id) => scope.resource(id) ?? pending(id) };
  for (const id of active) resolveValue(loaded.template.Resources[id]!.Properties ?? {}, dry, ['Resources', id, 'Properties']);
  outputsOf(loaded, dry);
}

/** The active outputs' values, and the exports among them. */
function outputsOf(loaded: LoadedTemplate, scope: ResolveScope): Pick<StackRecord, 'Outputs' | 'Exports'> {
  const result: Pick<StackRecord, 'Outputs' | 'Exports'> = { Outputs: {}, Exports: {} };
  for (const [name, output] of Object.entries(loaded.template.Outputs ?? {})) {
    if (!isActive(output, scope.conditions)) continue;
    const value = String(resolveValue(output.Value, scope, ['Outputs', name, 'Value']));
    result.Outputs[name] = value;
    if (output.Export) result.Exports[String(resolveValue(output.Export.Name, scope, ['Outputs', name, 'Export', 'Name']))] = value;
  }
  return result;
}
