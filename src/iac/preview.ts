import { providerOf } from './apply.js';
import { resolveValue } from './intrinsics/index.js';
import { decide } from './plan.js';
import type { ReconcileDeps, ReconcileRequest } from './reconcile.js';
import { pinnedIdOf, startingPoint, withStandIns } from './stackScope.js';

/** A change reconcile() would make, in a change set's words (ResourceChange). */
export interface PlannedChange {
  action: 'Add' | 'Modify' | 'Remove';
  logicalId: string;
  type: string;
  physicalId?: string;
  /** For Modify: whether the resource gets a new physical ID. */
  replacement?: 'True' | 'False';
}

/**
 * What reconcile(request) would change, changing nothing (a change set's Changes): resources to add, to modify
 * (their resolved properties differ; a resource that refers to one being added or replaced sees a stand-in, so it
 * is listed too) and to remove. Throws as reconcile() does for a template that cannot resolve.
 */
export async function preview(deps: Pick<ReconcileDeps, 'store' | 'accountId'>, request: ReconcileRequest): Promise<PlannedChange[]> {
  const { applied, scope, active } = await startingPoint(deps, request);
  const renewed = new Set<string>();
  const dry = withStandIns(scope, renewed);
  const changes: PlannedChange[] = [];
  for (const id of active) {
    const declared = request.loaded.template.Resources[id]!;
    const before = applied[id];
    if (!before) {
      changes.push({ action: 'Add', logicalId: id, type: declared.Type });
      continue;
    }
    const properties = (resolveValue(declared.Properties ?? {}, dry, ['Resources', id, 'Properties']) ?? {}) as Record<string, unknown>;
    const action = decide(before, declared.Type, properties, providerOf(declared.Type), pinnedIdOf(declared.Metadata));
    if (action === 'unchanged') continue;
    if (action === 'replace') renewed.add(id);
    changes.push({ action: 'Modify', logicalId: id, type: declared.Type, physicalId: before.PhysicalId, replacement: action === 'replace' ? 'True' : 'False' });
  }
  const kept = new Set(active);
  for (const [id, gone] of Object.entries(applied)) {
    if (!kept.has(id)) changes.push({ action: 'Remove', logicalId: id, type: gone.Type, physicalId: gone.PhysicalId });
  }
  return changes;
}
