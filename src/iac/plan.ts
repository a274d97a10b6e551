import { isDeepStrictEqual } from 'node:util';
import type { StackResource } from './stacks/stackRecord.js';

// The pure half of reconciling: what to do with each resource, given what was applied last time and what the
// template now asks for. The apply step (./reconcile.ts, ./apply.ts) carries the decisions out.

export type Action = 'create' | 'update' | 'replace' | 'unchanged';

export interface Replaces {
  /** Whether going from `previous` to `next` properties needs a new physical resource. */
  replaces(previous: Record<string, unknown>, next: Record<string, unknown>): boolean;
}

/**
 * A resource not yet applied is created; one whose type changed, or whose change touches a property CloudFormation
 * can only set at creation, is replaced; any other change updates it in place (its users and sessions kept).
 * A pinned id the resource does not have yet (the pin was added or changed) replaces it, since an id never
 * changes in place; a removed pin keeps the id the resource has.
 */
export function decide(
  previous: StackResource | undefined,
  type: string,
  properties: Record<string, unknown>,
  provider: Replaces,
  pinnedId?: string,
): Action {
  if (!previous) return 'create';
  if (previous.Type !== type) return 'replace';
  if (pinnedId !== undefined && pinnedId !== previous.PhysicalId) return 'replace';
  // An update a crash cut off may have applied part of its change: it runs again, whatever the properties say.
  if (!previous.Interrupted && isDeepStrictEqual(previous.Properties, properties)) return 'unchanged';
  return provider.replaces(previous.Properties, properties) ? 'replace' : 'update';
}

/**
 * The resources applied before that the template no longer has, in the order to delete them: a resource goes only
 * after everything that depended on it (as recorded when it was applied).
 */
export function deletionOrder(previous: Record<string, StackResource>, kept: ReadonlySet<string>): string[] {
  const gone = Object.keys(previous).filter((id) => !kept.has(id));
  const goneSet = new Set(gone);
  const order: string[] = [];
  const visited = new Set<string>();
  // Depth-first over "is depended on by": dependents are emitted before what they depend on.
  const dependents = (id: string) => gone.filter((other) => previous[other]!.DependsOn.includes(id));
  const visit = (id: string) => {
    if (visited.has(id)) return;
    visited.add(id);
    for (const dependent of dependents(id)) if (goneSet.has(dependent)) visit(dependent);
    order.push(id);
  };
  for (const id of gone) visit(id);
  return order;
}

/**
 * `logicalId` and every resource that depends on it, directly or not, in the order to delete them (dependents
 * first): what must go when `logicalId` has to be deleted before its replacement exists (Cognito refuses to delete
 * a pool that still has a domain, for one).
 */
export function withDependents(previous: Record<string, StackResource>, logicalId: string): string[] {
  const closure = new Set([logicalId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, resource] of Object.entries(previous)) {
      if (closure.has(id) || !resource.DependsOn.some((need) => closure.has(need))) continue;
      closure.add(id);
      grew = true;
    }
  }
  const kept = new Set(Object.keys(previous).filter((id) => !closure.has(id)));
  return deletionOrder(previous, kept);
}

/**
 * The resources `replacedFirst` says are replaced by deleting them first, and every one that depends on them
 * (`active` is in dependency order): the reconcile applies them after all the others, so that whatever else fails
 * does so before the first destructive step.
 */
export function deletedFirst(active: string[], graph: ReadonlyMap<string, Iterable<string>>, replacedFirst: (id: string) => boolean): Set<string> {
  const late = new Set<string>();
  for (const id of active) if (replacedFirst(id) || [...(graph.get(id) ?? [])].some((need) => late.has(need))) late.add(id);
  return late;
}
