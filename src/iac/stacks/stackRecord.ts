import type { Store, TableSpec } from '../../store/store.js';
import type { Template } from '../template.js';

// A stack as cogniform remembers it between reconciles and restarts: which physical resource each logical ID is,
// so that IDs stay the same as long as the template keeps the resource (DESIGN.md §3, `GET /_cogniform/stacks`).

export interface StackResource {
  Type: string;
  PhysicalId: string;
  /** The Fn::GetAtt values. */
  Attributes: Record<string, unknown>;
  /** The resolved properties last applied: the next reconcile compares against them. */
  Properties: Record<string, unknown>;
  /** The logical IDs it depended on, so deletions run dependents first even once the template forgets them. */
  DependsOn: string[];
  /** Whether the resource is only recorded, not emulated (IAM, Logs, ...). */
  Accepted?: boolean;
  /** `Retain` keeps the resource when the template drops it; `UpdateReplacePolicy: Retain` when it is replaced. */
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  /** Set while its update runs: a crash in between leaves it, and the next reconcile updates it again. */
  Interrupted?: true;
}

/**
 * A resource that may exist without the stack mapping a logical ID to it: one being created under an id chosen
 * beforehand (the provider's presetId), being deleted, or replaced and waiting for the cleanup pass. The reconcile
 * removes it once its step is done; one left over by a crash is deleted by the next reconcile before anything else.
 */
export interface Leftover {
  LogicalId: string;
  Resource: StackResource;
  /**
   * Deleted in the cleanup pass, after everything else, not first: a resource replaced (the old one, or after a
   * rollback the new one), which the stack may still need until its replacement is in place.
   */
  Cleanup?: true;
}

/**
 * Whether two records name one resource. A group's or a user's name is unique only within its pool: the old one and
 * its replacement in another pool share a name while both exist.
 */
export const sameResource = (a: StackResource, b: StackResource): boolean =>
  a.Type === b.Type && a.PhysicalId === b.PhysicalId && a.Properties.UserPoolId === b.Properties.UserPoolId;

export interface ReconcileSummary {
  /** ISO time the reconcile started. */
  at: string;
  durationMs: number;
  changes: { created: number; updated: number; replaced: number; deleted: number; unchanged: number };
  /** What changed, resource by resource (unchanged ones only counted): the console's diff. Absent in older records. */
  resources?: Array<{ logicalId: string; type: string; action: 'create' | 'update' | 'replace' | 'delete' }>;
  error: string | null;
}

export interface StackRecord {
  Name: string;
  /** `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`, kept for the stack's life (AWS::StackId). */
  StackId: string;
  /** The file the stack was loaded from (for a stack of the CloudFormation API, a name for messages). */
  Source: string;
  /**
   * `api` for a stack deployed through the CloudFormation API (`serverless deploy`): it has no file, so the file
   * reconcile's "file removed" sweep must leave it alone; absent for a stack of a template file.
   */
  Origin?: 'api';
  Region: string;
  /**
   * `*_IN_PROGRESS` while a reconcile runs, and after a crash cut it off until the next one. A file's stack whose
   * update failed is rolled back to its last good template, as CloudFormation rolls back an update:
   * `UPDATE_ROLLBACK_COMPLETE` (or `UPDATE_ROLLBACK_FAILED` if that failed too; the CloudFormation user guide,
   * "Stack status codes").
   */
  Status:
    | 'CREATE_IN_PROGRESS' | 'UPDATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'UPDATE_COMPLETE' | 'UPDATE_FAILED' | 'CREATE_FAILED'
    | 'UPDATE_ROLLBACK_IN_PROGRESS' | 'UPDATE_ROLLBACK_COMPLETE' | 'UPDATE_ROLLBACK_FAILED';
  Resources: Record<string, StackResource>;
  /** Absent when empty. */
  Leftovers?: Leftover[];
  Outputs: Record<string, string>;
  /** Export name → value, for Fn::ImportValue in other stacks. */
  Exports: Record<string, string>;
  /** Output key → the name it is exported under (DescribeStacks' ExportName). */
  ExportNames?: Record<string, string>;
  LastReconcile?: ReconcileSummary;
}

export const stacks: TableSpec<StackRecord> = { name: 'stacks', key: (s) => [s.Name] };

/**
 * The template and parameters a stack's last successful reconcile applied: what a failed one rolls back to. Apart
 * from the stack record, which every reconcile lists (exports) and `GET /_cogniform/stacks` returns.
 */
export interface AppliedTemplate {
  Stack: string;
  File: string;
  Template: Template;
  Parameters: Record<string, string>;
}

export const appliedTemplates: TableSpec<AppliedTemplate> = { name: 'appliedTemplates', key: (t) => [t.Stack] };

export async function readStack(store: Store, name: string): Promise<StackRecord | undefined> {
  return store.table(stacks).get([name]);
}

export async function readAppliedTemplate(store: Store, name: string): Promise<AppliedTemplate | undefined> {
  return store.table(appliedTemplates).get([name]);
}

export async function listStacks(store: Store): Promise<StackRecord[]> {
  const { items } = await store.table(stacks).list([], { limit: 10_000 });
  return items;
}

export async function saveStack(store: Store, stack: StackRecord): Promise<void> {
  await store.transact(`stack\0${stack.Name}`, (tx) => tx.put(store.table(stacks), stack));
}

export async function deleteStackRecord(store: Store, name: string): Promise<void> {
  await store.transact(`stack\0${name}`, async (tx) => {
    const stack = await tx.get(store.table(stacks), [name]);
    if (stack) await tx.delete(store.table(stacks), stack);
    const applied = await tx.get(store.table(appliedTemplates), [name]);
    if (applied) await tx.delete(store.table(appliedTemplates), applied);
  });
}

/** Every export of every stack but `except`, for Fn::ImportValue. */
export async function exportsOf(store: Store, except: string): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const stack of await listStacks(store)) {
    if (stack.Name === except) continue;
    for (const [name, value] of Object.entries(stack.Exports)) all.set(name, value);
  }
  return all;
}

/** `stack` with `leftovers` as its Leftovers (a copy), or without the member when there are none. */
export function withLeftovers(stack: StackRecord, leftovers: readonly Leftover[]): StackRecord {
  const { Leftovers: _, ...rest } = stack;
  return leftovers.length ? { ...rest, Leftovers: [...leftovers] } : rest;
}
