import { randomUUID } from 'node:crypto';
import {
  dependencies,
  evaluateConditions,
  isActive,
  resolveParameters,
  resolveValue,
  topologicalOrder,
  type ResolveScope,
} from './intrinsics/index.js';
import { checkCreate } from './apply.js';
import type { ReconcileDeps, ReconcileRequest } from './reconcile.js';
import { isRecognizedType } from './resourceTypes.js';
import { readStackWithSteps } from './stacks/journal.js';
import { exportsOf, type StackRecord, type StackResource } from './stacks/stackRecord.js';
import { templateError, type LoadedTemplate } from './template.js';

// A stack's template resolved against what is applied so far: where a reconcile (./reconcile.ts) and a preview of
// it (./preview.ts) both start, checked whole before anything changes, and the outputs it ends with.

/** Metadata `cogniform: { id }` pins a pool's or client's id, so a frontend's configuration never changes. */
export const pinnedIdOf = (metadata: Record<string, unknown> | undefined) => {
  const id = (metadata?.cogniform as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

/** What a reconcile of `request` starts from: the stack as applied so far, and the scope its template resolves in. */
export async function startingPoint(deps: Pick<ReconcileDeps, 'store' | 'accountId'>, request: ReconcileRequest) {
  const { loaded, stackName, region } = request;
  const { template } = loaded;
  const { stack: previous, steps } = await readStackWithSteps(deps.store, stackName);
  const stackId = previous?.StackId ?? request.stackId ?? `arn:aws:cloudformation:${region}:${deps.accountId}:stack/${stackName}/${randomUUID()}`;
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
  const expected = validate(loaded, scope, active, request.rollBack === true);
  return { previous, steps, stackId, applied, scope, graph, active, expected };
}

/**
 * Resolves everything once before any change, with stand-ins for resources not created yet: a template that
 * cannot resolve, or names a type CloudFormation does not know, changes nothing; nor, with `checkCreates`, one
 * whose resources a create would refuse. Returns each resource's properties as far as they are known now.
 */
function validate(loaded: LoadedTemplate, scope: ResolveScope, active: string[], checkCreates: boolean): Map<string, Record<string, unknown>> {
  for (const id of active) {
    const type = loaded.template.Resources[id]!.Type;
    if (!isRecognizedType(type)) throw templateError(loaded, ['Resources', id, 'Type'], `Unrecognized resource type ${type} (CloudFormation's template format error; check the spelling).`);
  }
  const dry = withStandIns(scope, new Set());
  const expected = new Map<string, Record<string, unknown>>();
  for (const id of active) {
    const properties = (resolveValue(loaded.template.Resources[id]!.Properties ?? {}, dry, ['Resources', id, 'Properties']) ?? {}) as Record<string, unknown>;
    if (checkCreates) checkCreate(loaded, id, loaded.template.Resources[id]!.Type, properties);
    expected.set(id, properties);
  }
  outputsOf(loaded, dry);
  return expected;
}

/**
 * `scope` where the resources not applied yet, and those in `renewed` (to be replaced), are stand-ins. A stand-in
 * answers every attribute name: which ones a resource has is known once it exists.
 */
export function withStandIns(scope: ResolveScope, renewed: ReadonlySet<string>): ResolveScope {
  const anyAttribute = (id: string) => new Proxy({}, {
    get: (_, name) => (typeof name === 'string' ? `${id}.${name}-pending` : undefined),
    getOwnPropertyDescriptor: (_, name) => ({ value: `${id}.${String(name)}-pending`, configurable: true, enumerable: true }),
  });
  const pending = (id: string) => ({ ref: `${id}-pending`, attributes: anyAttribute(id) });
  return { ...scope, resource: (id) => (renewed.has(id) ? undefined : scope.resource(id)) ?? pending(id) };
}

/** The active outputs' values, and the exports among them. */
export function outputsOf(loaded: LoadedTemplate, scope: ResolveScope): Pick<StackRecord, 'Outputs' | 'Exports' | 'ExportNames'> {
  const result: Required<Pick<StackRecord, 'Outputs' | 'Exports' | 'ExportNames'>> = { Outputs: {}, Exports: {}, ExportNames: {} };
  for (const [name, output] of Object.entries(loaded.template.Outputs ?? {})) {
    if (!isActive(output, scope.conditions)) continue;
    const value = String(resolveValue(output.Value, scope, ['Outputs', name, 'Value']));
    result.Outputs[name] = value;
    if (!output.Export) continue;
    const exportName = String(resolveValue(output.Export.Name, scope, ['Outputs', name, 'Export', 'Name']));
    result.Exports[exportName] = value;
    result.ExportNames[name] = exportName;
  }
  return result;
}
