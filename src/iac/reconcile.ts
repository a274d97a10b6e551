import type { Store } from '../store/store.js';
import { applyAction, atResource, isEmulated, mustDeleteFirst, preflight, providerOf, removeResource, USER_POOL } from './apply.js';
import { resolveValue } from './intrinsics/index.js';
import { inDependencyOrder } from './schedule.js';
import { decide, deletedFirst, deletionOrder, withDependents, type Action } from './plan.js';
import type { ProviderContext } from './resources/index.js';
import { removeLeftovers } from './leftovers.js';
import { outputsOf, pinnedIdOf, startingPoint } from './stackScope.js';
import { reconcileJournal, reconcileSteps, stepKey, type JournalRecord, type StepChange, type StepRecord } from './stacks/journal.js';
import { appliedTemplates, readAppliedTemplate, stacks, withLeftovers, type Leftover, type ReconcileSummary, type StackRecord, type StackResource } from './stacks/stackRecord.js';
import { unlocated, type LoadedTemplate } from './template.js';
import { messageOf } from '../errorMessage.js';

// Reconciling one stack: the template's resources resolved in dependency order, each created, updated in place,
// replaced or left alone (./plan.ts decides, ./apply.ts applies), then the resources the template dropped deleted,
// dependents first, then the resources replaced. Every change goes through a resource provider, which calls the
// same Cognito operations an API client does. The stack is saved before and after each change (./leftovers.ts), so
// that a crash in the middle leaves a record the next start can roll back and finish from. A file's reconcile that
// fails rolls back to the stack's last good template, as CloudFormation rolls back a failed update.

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
  /** The StackId a new stack gets (the CloudFormation API answers it before the stack is applied). */
  stackId?: string;
  /** `api` for a stack the CloudFormation API deployed: the file reconcile's sweep leaves it alone. */
  origin?: StackRecord['Origin'];
  /** Told of each resource's progress as the work happens (the CloudFormation API's stack events). */
  observer?: ReconcileObserver;
  /**
   * A file's reconcile (`cogniform start`, watch mode, `cogniform deploy`): every resource's create request is
   * checked before the first change, and a failure rolls the stack back to the template its last successful
   * reconcile applied (UPDATE_ROLLBACK_COMPLETE). The CloudFormation API checks and rolls back its own way
   * (src/cloudformation/lifecycle.ts), with an event per resource.
   */
  rollBack?: boolean;
  /** This reconcile is the rollback of a failed one, whose error this is (the stack's LastReconcile keeps it). */
  rollingBack?: string;
}

/** A resource's progress in CloudFormation's words (StackEvent ResourceStatus). */
export type ResourceStatus =
  | 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'CREATE_FAILED'
  | 'UPDATE_IN_PROGRESS' | 'UPDATE_COMPLETE' | 'UPDATE_FAILED'
  | 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED' | 'DELETE_SKIPPED';

export interface ResourceEvent {
  logicalId: string;
  type: string;
  /** Empty until the resource exists. */
  physicalId: string;
  status: ResourceStatus;
  reason?: string;
  /** The resolved properties being applied. */
  properties?: Record<string, unknown>;
}

/** Told of the work as it happens; file reconciles have none. */
export interface ReconcileObserver {
  resource(event: ResourceEvent): void;
  /** Every resource the template keeps is applied; what it dropped or replaced is deleted next. */
  cleanup?(): void;
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

export async function reconcile(deps: ReconcileDeps, request: ReconcileRequest): Promise<ReconcileResult> {
  const started = performance.now();
  const startedAt = new Date();
  const { loaded, stackName, region } = request;
  const { template } = loaded;
  const { previous, steps, stackId, applied, scope, graph, active, expected } = await startingPoint(deps, request);
  const observe = request.observer?.resource ?? (() => {});
  const origin = request.origin ?? previous?.Origin;

  const context = deps.providerContext({ stackName, region });
  const changes: Change[] = [];
  /** Old resources replaced this time: CloudFormation deletes them in a cleanup pass after everything else. */
  const replaced: Leftover[] = [];
  /** Resources deleted ahead of their replacement (see mustDeleteFirst), with what depended on them. */
  const cleared = new Set<string>();
  const stack: StackRecord = {
    Name: stackName,
    StackId: stackId,
    Source: loaded.file,
    Region: region,
    Status: request.rollingBack !== undefined ? 'UPDATE_ROLLBACK_COMPLETE' : previous ? 'UPDATE_COMPLETE' : 'CREATE_COMPLETE',
    Resources: applied,
    Outputs: previous?.Outputs ?? {},
    Exports: previous?.Exports ?? {},
    ...(origin ? { Origin: origin } : {}),
  };
  const leftovers: Leftover[] = [...(previous?.Leftovers ?? [])];
  const track = (id: string, resource: StackResource, cleanup?: 'cleanup') => {
    const leftover: Leftover = { LogicalId: id, Resource: resource, ...(cleanup ? { Cleanup: true as const } : {}) };
    leftovers.push(leftover);
    return leftover;
  };
  const untrack = (leftover: Leftover) => {
    const at = leftovers.indexOf(leftover);
    if (at >= 0) leftovers.splice(at, 1);
  };
  const journal: JournalRecord = {
    Stack: stackName, File: loaded.file, Template: template, Parameters: request.parameters, Region: region, StackId: stackId,
    ...(origin ? { Origin: origin } : {}),
    ...(request.rollBack ? { RollBack: true as const } : {}),
    ...(request.rollingBack !== undefined ? { RollingBack: request.rollingBack } : {}),
  };
  const inProgress = request.rollingBack !== undefined ? 'UPDATE_ROLLBACK_IN_PROGRESS' : previous ? 'UPDATE_IN_PROGRESS' : 'CREATE_IN_PROGRESS';
  /** Steps in the store after the stack record: a crashed run's (folded into `previous`), then this run's. */
  const written: StepRecord[] = [...steps];
  let based = false;
  /**
   * Saves a change before and after it is made. The first saves the whole stack with the journal (and drops the
   * steps it folds in); each later one only its step (./stacks/journal.ts).
   */
  const progress = (change: StepChange) => {
    const first = !based;
    based = true;
    const whole = first ? withLeftovers({ ...stack, Status: inProgress, Resources: { ...applied } }, leftovers) : undefined;
    const folded = first ? written.splice(0) : [];
    const step: StepRecord | undefined = first ? undefined : { Stack: stackName, Seq: stepKey(written.length + steps.length), ...change };
    if (step) written.push(step);
    return deps.store.transact(`stack\0${stackName}`, async (tx) => {
      if (whole) {
        await tx.put(deps.store.table(reconcileJournal), journal);
        await tx.put(deps.store.table(stacks), whole);
        for (const old of folded) await tx.delete(deps.store.table(reconcileSteps), old);
      }
      if (step) await tx.put(deps.store.table(reconcileSteps), step);
    });
  };
  /**
   * Saves the stack whole at the end, and drops the journal and the steps; a success records its template as the
   * last good one. A failure that rolls back hands over to the rollback's journal in the same write, so that a
   * crash from here on finishes the rollback.
   */
  const save = (record: StackRecord, outcome: { succeeded: true } | { succeeded: false; next?: JournalRecord }) => {
    const whole = withLeftovers(record, leftovers);
    const done = written.splice(0);
    const { succeeded } = outcome;
    const next = outcome.succeeded ? undefined : outcome.next;
    return deps.store.transact(`stack\0${stackName}`, async (tx) => {
      const table = deps.store.table(reconcileJournal);
      if (next) await tx.put(table, next);
      else if (await tx.get(table, [stackName])) await tx.delete(table, journal);
      for (const old of done) await tx.delete(deps.store.table(reconcileSteps), old);
      await tx.put(deps.store.table(stacks), whole);
      if (succeeded) await tx.put(deps.store.table(appliedTemplates), { Stack: stackName, File: loaded.file, Template: template, Parameters: request.parameters });
    });
  };
  const deleted = (id: string, gone: StackResource) => {
    delete applied[id];
    const retained = retains(gone.DeletionPolicy) && !cleared.has(id);
    changes.push({ action: 'delete', logicalId: id, type: gone.Type, physicalId: gone.PhysicalId, ...(retained ? { retained } : {}) });
  };
  /**
   * Deletes one resource through its provider, telling the observer. While the delete runs it is a leftover, not
   * mapped; a failed delete maps it again (`mapped`: it was in the stack's resources; `tracked`: it is a leftover
   * already).
   */
  const remove = async (id: string, gone: StackResource, mapped: boolean, tracked?: Leftover) => {
    const event = { logicalId: id, type: gone.Type, physicalId: gone.PhysicalId };
    observe({ ...event, status: 'DELETE_IN_PROGRESS' });
    // A type only recorded has nothing to delete, and nothing a crash could leave behind: not worth a save.
    const guarded = isEmulated(gone.Type);
    const leftover = tracked ?? track(id, gone);
    if (mapped) delete applied[id];
    if (guarded && !tracked) await progress({ Track: [leftover], ...(mapped ? { Unmap: [id] } : {}) });
    try {
      await atResource(loaded, id, () => removeResource(context, gone));
    } catch (error) {
      untrack(leftover);
      if (mapped) applied[id] = gone;
      observe({ ...event, status: 'DELETE_FAILED', reason: messageOf(error) });
      throw error;
    }
    untrack(leftover);
    if (guarded) await progress({ Untrack: [leftover] });
    observe({ ...event, status: 'DELETE_COMPLETE' });
  };
  /**
   * Deletes `id` and its dependents now; those the template keeps are created again in their turn (they depend on
   * `id`, so none of them has started yet).
   */
  const clear = async (id: string, pinned: boolean) => {
    const { Type, PhysicalId } = applied[id]!;
    const loss = Type === USER_POOL
      ? ': its users, groups and clients go with it, and a failure later in this reconcile cannot bring them back (AWS refuses such an update: https://repost.aws/knowledge-center/cloudformation-custom-name)'
      : '';
    context.log(`stack ${stackName}: deleting ${id} ${Type} ${PhysicalId} before its replacement, which takes the same ${pinned ? 'pinned id' : 'name'}${loss}`);
    for (const old of withDependents(applied, id)) {
      const gone = applied[old]!;
      await remove(old, gone, true);
      cleared.add(old);
      if (active.includes(old)) delete applied[old];
      else deleted(old, gone);
    }
  };
  /**
   * Creates a pool's replacement once under another id and deletes it again, before the old pool (and its users)
   * must go: every check CreateUserPool makes runs while nothing is lost yet. Tracked as a leftover, like any
   * create, so that a crash in between leaves no stray pool.
   */
  const rehearse = async (id: string, type: string, properties: Record<string, unknown>) => {
    const provider = providerOf(type);
    // Deletion protection would keep the rehearsal from going away; it plays no part in what the create checks.
    const trialProperties = { ...properties, DeletionProtection: 'INACTIVE' };
    const trial = track(id, { Type: type, PhysicalId: provider.presetId!(context, id, trialProperties), Attributes: {}, Properties: trialProperties, DependsOn: [] });
    await progress({ Track: [trial] });
    const made = await atResource(loaded, id, () => provider.create(context, id, trialProperties, trial.Resource.PhysicalId)).then(() => undefined, (error: unknown) => ({ error }));
    // A create that failed part-way (its MFA settings, say) may have made the pool: it goes either way.
    await atResource(loaded, id, () => removeResource(context, trial.Resource));
    untrack(trial);
    await progress({ Untrack: [trial] });
    if (made) throw made.error;
  };
  try {
    // A crash's leftovers go first; resources replaced before (a crash, or a rollback's) wait for the cleanup pass.
    const stale = leftovers.filter((l) => !l.Cleanup);
    replaced.push(...leftovers.filter((l) => l.Cleanup));
    if (stale.length) {
      stale.forEach(untrack);
      await removeLeftovers(context, stale, applied);
      await progress({ Untrack: stale });
    }
    const apply = async (id: string) => {
      const { Type: type, Metadata, DeletionPolicy, UpdateReplacePolicy } = template.Resources[id]!;
      const properties = (resolveValue(template.Resources[id]!.Properties ?? {}, scope, ['Resources', id, 'Properties']) ?? {}) as Record<string, unknown>;
      const pinnedId = pinnedIdOf(Metadata);
      const before = applied[id];
      const action = cleared.has(id) ? 'replace' : decide(before, type, properties, providerOf(type), pinnedId);
      const replacesLater = action === 'replace' && before !== undefined && !mustDeleteFirst(before, properties, pinnedId);
      if (action === 'replace' && before && !replacesLater && !cleared.has(id)) {
        await atResource(loaded, id, () => preflight(context, id, type, properties));
        if (type === USER_POOL) await rehearse(id, type, properties);
        await clear(id, pinnedId === before.PhysicalId);
      }
      const creates = action === 'replace' ? 'create' : action;
      // Saved before the change: a create under the id it will get (a leftover until it is done), an update marked.
      const guarded = creates !== 'unchanged' && isEmulated(type);
      const presetId = creates === 'create' ? (pinnedId ?? providerOf(type).presetId?.(context, id, properties)) : undefined;
      const creating = guarded && presetId !== undefined
        ? track(id, { Type: type, PhysicalId: presetId, Attributes: {}, Properties: properties, DependsOn: [] })
        : undefined;
      if (guarded && creates === 'update') applied[id] = { ...before!, Interrupted: true };
      if (creating) await progress({ Track: [creating] });
      else if (guarded && creates === 'update') await progress({ Map: { [id]: applied[id]! } });
      // CloudFormation's events: a replacement is an update that creates a new physical resource.
      const verb = action === 'create' ? 'CREATE' : 'UPDATE';
      const event = { logicalId: id, type, physicalId: before?.PhysicalId ?? '', properties };
      if (action !== 'unchanged') observe({ ...event, status: `${verb}_IN_PROGRESS`, ...(action === 'replace' ? { reason: REPLACING } : {}) });
      let done: Awaited<ReturnType<typeof applyAction>>;
      try {
        done = await atResource(loaded, id, () => applyAction(context, id, type, before, properties, creates, presetId ?? pinnedId));
      } catch (error) {
        // A failed operation wrote nothing: what a leftover stands for was not made.
        if (creating) untrack(creating);
        observe({ ...event, status: `${verb}_FAILED`, reason: messageOf(error) });
        throw error;
      }
      if (creates === 'create') {
        observe({ ...event, physicalId: done.physicalId, status: `${verb}_IN_PROGRESS`, reason: 'Resource creation Initiated' });
      }
      if (action !== 'unchanged') observe({ ...event, physicalId: done.physicalId, status: `${verb}_COMPLETE` });
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
      if (creating) untrack(creating);
      // The old resource waits for the cleanup pass as a leftover, saved in the same write as its replacement.
      const waiting = replacesLater ? track(id, before, 'cleanup') : undefined;
      if (waiting) replaced.push(waiting);
      if (guarded) await progress({ Map: { [id]: applied[id]! }, ...(creating ? { Untrack: [creating] } : {}), ...(waiting ? { Track: [waiting] } : {}) });
      changes.push({ action, logicalId: id, type, physicalId: done.physicalId });
    };
    // Delete-first replacements, and what depends on them, after everything else: whatever else fails does so
    // before the first destructive step.
    const late = deletedFirst(active, graph, (id) => {
      const before = applied[id];
      const { Type: type, Metadata } = template.Resources[id]!;
      const properties = expected.get(id)!;
      const pinnedId = pinnedIdOf(Metadata);
      return before !== undefined && decide(before, type, properties, providerOf(type), pinnedId) === 'replace' && mustDeleteFirst(before, properties, pinnedId);
    });
    const dependsOn = (id: string) => graph.get(id) ?? [];
    await inDependencyOrder(active.filter((id) => !late.has(id)), dependsOn, apply);
    if (late.size) await inDependencyOrder(active.filter((id) => late.has(id)), dependsOn, apply);
    // Reported in the template's dependency order, whatever order the side-by-side work finished in.
    const position = new Map(active.map((id, i) => [id, i]));
    changes.sort((a, b) => (position.get(a.logicalId) ?? -1) - (position.get(b.logicalId) ?? -1));
    request.observer?.cleanup?.();
    for (const id of deletionOrder(applied, new Set(active))) {
      const gone = applied[id]!;
      // DeletionPolicy Retain (and RetainExceptOnCreate, which differs only when a create rolls back): the stack
      // forgets the resource and the resource stays (CloudFormation DeletionPolicy attribute reference).
      if (!retains(gone.DeletionPolicy)) await remove(id, gone, true);
      else observe({ logicalId: id, type: gone.Type, physicalId: gone.PhysicalId, status: 'DELETE_SKIPPED' });
      deleted(id, gone);
    }
    // Replaced resources last, newest dependents first, once nothing refers to them any more; UpdateReplacePolicy
    // Retain keeps them.
    for (const leftover of [...replaced].reverse()) {
      const { LogicalId: id, Resource: old } = leftover;
      if (!retains(old.UpdateReplacePolicy)) await remove(id, old, false, leftover);
      else {
        untrack(leftover);
        observe({ logicalId: id, type: old.Type, physicalId: old.PhysicalId, status: 'DELETE_SKIPPED' });
      }
      replaced.splice(replaced.indexOf(leftover), 1);
    }
    Object.assign(stack, outputsOf(loaded, scope));
  } catch (error) {
    const failure = request.rollingBack !== undefined ? `${request.rollingBack}; rolling back failed: ${messageOf(error)}` : messageOf(error);
    stack.LastReconcile = lastReconcile(startedAt, started, changes, failure);
    // As CloudFormation leaves a failed update: an old resource whose replacement was made takes its logical ID back,
    // and the new one waits for the cleanup pass of the next reconcile (a rollback's, or the next save's).
    for (const waiting of [...replaced]) {
      const fresh = applied[waiting.LogicalId];
      untrack(waiting);
      applied[waiting.LogicalId] = waiting.Resource;
      if (fresh) track(waiting.LogicalId, fresh, 'cleanup');
    }
    const good = request.rollBack && request.rollingBack === undefined && previous ? await readAppliedTemplate(deps.store, stackName) : undefined;
    if (!good) {
      stack.Status = request.rollingBack !== undefined ? 'UPDATE_ROLLBACK_FAILED' : previous ? 'UPDATE_FAILED' : 'CREATE_FAILED';
      await save(stack, { succeeded: false });
      throw request.rollingBack !== undefined ? new Error(failure) : error;
    }
    // Back to the last good template, as CloudFormation rolls back an update: the rollback's reconcile updates back
    // what was updated, deletes what was added and the replacements made, and makes again what was deleted.
    stack.Status = 'UPDATE_ROLLBACK_IN_PROGRESS';
    const rollback: ReconcileRequest = {
      loaded: unlocated(good.File, good.Template), stackName, region, parameters: good.Parameters, stackId, rollBack: true, rollingBack: messageOf(error),
      ...(origin ? { origin } : {}),
    };
    await save(stack, { succeeded: false, next: { ...journal, File: good.File, Template: good.Template, Parameters: good.Parameters, RollingBack: messageOf(error) } });
    await reconcile(deps, rollback);
    throw error;
  }
  // A rollback succeeded: the stack keeps the error of the update it undid.
  stack.LastReconcile = lastReconcile(startedAt, started, changes, request.rollingBack ?? null);
  await save(stack, { succeeded: true });
  return { stack, changes, durationMs: stack.LastReconcile.durationMs };
}

/** The reason CloudFormation gives for the first event of a replacement. */
const REPLACING = 'Requested update requires the creation of a new physical resource; hence creating one.';

const retains = (policy: string | undefined) => policy === 'Retain' || policy === 'RetainExceptOnCreate';

function lastReconcile(at: Date, started: number, changes: Change[], error: string | null): ReconcileSummary {
  const count = (action: Change['action']) => changes.filter((c) => c.action === action).length;
  return {
    at: at.toISOString(),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    changes: { created: count('create'), updated: count('update'), replaced: count('replace'), deleted: count('delete'), unchanged: count('unchanged') },
    resources: changes.flatMap(({ logicalId, type, action }) => (action === 'unchanged' ? [] : [{ logicalId, type, action }])),
    error,
  };
}
