// Which resources a value needs, read from the template without resolving anything: Ref, Fn::GetAtt and the
// variables of Fn::Sub (both forms), plus DependsOn. The planner orders creations by this graph.
import { templateError, type LoadedTemplate, type PropertyPath, type Template } from '../template.js';
import { isObject } from './context.js';
import { intrinsicName } from './resolve.js';
import { isPseudoName } from './scope.js';
import { parseSubString, subArguments } from './sub.js';

/** One name a value refers to, how, and where the referring function was written. */
export interface Reference {
  name: string;
  via: 'Ref' | 'Fn::GetAtt' | 'Fn::Sub' | 'DependsOn';
  /** True when only a resource fits: Fn::GetAtt, `${Res.Attr}`, DependsOn (a Ref may name a parameter too). */
  resourceOnly: boolean;
  path: PropertyPath;
}

/** Every name `value` refers to, pseudo parameters left out; parameters, resources and unknown names kept. */
export function referencesIn(value: unknown, path: PropertyPath): Reference[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => referencesIn(item, [...path, i]));
  if (!isObject(value)) return [];
  const fn = intrinsicName(value);
  const arg = fn ? value[fn] : undefined;
  const found: Reference[] = [];
  const add = (name: unknown, via: Reference['via'], resourceOnly: boolean) => {
    if (typeof name === 'string' && !isPseudoName(name)) found.push({ name, via, resourceOnly, path });
  };
  if (fn === 'Ref') {
    add(arg, fn, false);
  } else if (fn === 'Fn::GetAtt') {
    if (typeof arg === 'string') add(arg.split('.')[0], fn, true);
    if (Array.isArray(arg)) {
      add(arg[0], fn, true);
      found.push(...referencesIn(arg.slice(1), [...path, fn]));
    }
  } else if (fn === 'Fn::Sub' && subArguments(arg)) {
    const { text, variables } = subArguments(arg)!;
    for (const part of parseSubString(text)) {
      if (!('variable' in part) || Object.hasOwn(variables, part.variable)) continue;
      const dot = part.variable.indexOf('.');
      add(dot > 0 ? part.variable.slice(0, dot) : part.variable, fn, dot > 0);
    }
    found.push(...referencesIn(variables, [...path, fn, 1]));
  } else if (fn) {
    found.push(...referencesIn(arg, [...path, fn]));
  } else {
    for (const [name, item] of Object.entries(value)) found.push(...referencesIn(item, [...path, name]));
  }
  return found;
}

/** The logical IDs of the resources `value` depends on (parameters and pseudo parameters left out). */
export function references(value: unknown, template: Template): { resources: Set<string> } {
  const resources = new Set(referencesIn(value, [])
    .map((reference) => reference.name)
    .filter((name) => Object.hasOwn(template.Resources, name)));
  return { resources };
}

/**
 * For each resource, the resources it needs first: through its Properties and its DependsOn. A reference to a
 * name the template does not declare is a TemplateError at the place it was written.
 */
export function dependencies(loaded: LoadedTemplate): Map<string, Set<string>> {
  const { Resources: resources, Parameters: parameters = {} } = loaded.template;
  const graph = new Map<string, Set<string>>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    const path = ['Resources', logicalId];
    const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    const found = [
      ...referencesIn(resource.Properties ?? {}, [...path, 'Properties']),
      ...dependsOn.map((name, i): Reference => ({
        name, via: 'DependsOn', resourceOnly: true,
        path: Array.isArray(resource.DependsOn) ? [...path, 'DependsOn', i] : [...path, 'DependsOn'],
      })),
    ];
    const needs = new Set<string>();
    for (const reference of found) {
      if (Object.hasOwn(resources, reference.name)) needs.add(reference.name);
      else if (!Object.hasOwn(parameters, reference.name)) throw unknownName(loaded, reference);
      else if (reference.resourceOnly) {
        throw templateError(loaded, reference.path,
          `${reference.via}: '${reference.name}' is a parameter, not a resource`);
      }
    }
    graph.set(logicalId, needs);
  }
  return graph;
}

function unknownName(loaded: LoadedTemplate, reference: Reference) {
  // CloudFormation: "Template format error: Unresolved resource dependencies [X] in the Resources block".
  const reason = reference.via === 'Ref' || (reference.via === 'Fn::Sub' && !reference.resourceOnly)
    ? `'${reference.name}' is neither a parameter nor a resource defined in the template`
    : `resource '${reference.name}' is not defined in the template`;
  return templateError(loaded, reference.path, `${reference.via}: ${reason}`);
}

/**
 * The logical IDs in an order where every resource comes after the ones it needs, otherwise in template order.
 * A cycle is CloudFormation's "Circular dependency between resources: [A, B]".
 */
export function topologicalOrder(loaded: LoadedTemplate, graph: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const pending = [...graph.keys()];
  while (pending.length > 0) {
    const ready = pending.filter((id) => [...graph.get(id)!].every((need) => placed.has(need)));
    if (ready.length === 0) {
      const cycle = findCycle(pending, graph);
      throw templateError(loaded, ['Resources', cycle[0]!], `Circular dependency between resources: [${cycle.join(', ')}]`);
    }
    for (const id of ready) {
      order.push(id);
      placed.add(id);
      pending.splice(pending.indexOf(id), 1);
    }
  }
  return order;
}

/** One cycle among `pending`, each of which needs at least one other pending resource. */
function findCycle(pending: string[], graph: Map<string, Set<string>>): string[] {
  const path: string[] = [];
  let current = pending[0]!;
  while (!path.includes(current)) {
    path.push(current);
    current = [...graph.get(current)!].find((need) => pending.includes(need))!;
  }
  return path.slice(path.indexOf(current));
}
