import type { Store, TableSpec } from '../../store/store.js';
import type { Template } from '../template.js';
import { readStack, sameResource, withLeftovers, type Leftover, type StackRecord, type StackResource } from './stackRecord.js';

// What a reconcile that has started changing its stack writes until it ends (../reconcile.ts), so that a crash in
// between leaves enough for the next start to finish it (../recover.ts recoverInterrupted): the request (template
// and parameters), and one small step record per change made since the stack record was last written whole.
// Steps, not the whole record again: a stack of a thousand resources would otherwise rewrite itself a thousand times.

export interface JournalRecord {
  Stack: string;
  File: string;
  Template: Template;
  Parameters: Record<string, string>;
  Region: string;
  StackId: string;
  Origin?: StackRecord['Origin'];
  /** A rollback to the last good template (`Template`): the error of the update that failed. */
  RollingBack?: string;
  /** A file's reconcile, which rolls back when it fails (../reconcile.ts ReconcileRequest.rollBack). */
  RollBack?: true;
}

export const reconcileJournal: TableSpec<JournalRecord> = { name: 'reconcileJournal', key: (j) => [j.Stack] };

/** One change to the stack record: resources mapped (set) or unmapped, leftovers tracked or untracked. */
export interface StepChange {
  Map?: Record<string, StackResource>;
  Unmap?: string[];
  Track?: Leftover[];
  Untrack?: Leftover[];
}

export interface StepRecord extends StepChange {
  Stack: string;
  /** Zero-padded, so that the steps list in the order they were written. */
  Seq: string;
}

export const reconcileSteps: TableSpec<StepRecord> = { name: 'reconcileSteps', key: (s) => [s.Stack, s.Seq] };

export const stepKey = (n: number) => String(n).padStart(12, '0');

const sameLeftover = (a: Leftover, b: Leftover) =>
  a.LogicalId === b.LogicalId && sameResource(a.Resource, b.Resource) && a.Cleanup === b.Cleanup;

/** The stack as its record and the steps written after it say; `steps` is how many there were. */
export async function readStackWithSteps(store: Store, name: string): Promise<{ stack: StackRecord | undefined; steps: StepRecord[] }> {
  const stack = await readStack(store, name);
  const { items: steps } = await store.table(reconcileSteps).list([name], { limit: 1_000_000 });
  if (!stack || !steps.length) return { stack, steps };
  const resources = { ...stack.Resources };
  const leftovers = [...(stack.Leftovers ?? [])];
  for (const step of steps) {
    Object.assign(resources, step.Map);
    for (const id of step.Unmap ?? []) delete resources[id];
    leftovers.push(...(step.Track ?? []));
    for (const gone of step.Untrack ?? []) {
      const at = leftovers.findIndex((l) => sameLeftover(l, gone));
      if (at >= 0) leftovers.splice(at, 1);
    }
  }
  return { stack: withLeftovers({ ...stack, Resources: resources }, leftovers), steps };
}
