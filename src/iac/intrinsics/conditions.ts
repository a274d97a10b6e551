// Conditions: the Conditions section evaluated once per reconcile, the condition functions (Fn::Equals, Fn::And,
// Fn::Or, Fn::Not, { Condition: name }), and whether a resource or output with `Condition:` is part of the stack.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
import { templateError, type LoadedTemplate, type PropertyPath } from '../template.js';
import { describe, fail, isObject, listArgument, type Context } from './context.js';
import { intrinsicName, resolve } from './resolve.js';
import type { ResolveScope } from './scope.js';

/**
 * Every condition of the template by name. Conditions may name each other; a cycle is a TemplateError, and so is
 * a resource or output whose `Condition` names no declared condition.
 */
export function evaluateConditions(loaded: LoadedTemplate,
  scope: Pick<ResolveScope, 'pseudo' | 'parameters' | 'importValue'>): Record<string, boolean> {
  const declared = loaded.template.Conditions ?? {};
  const values: Record<string, boolean> = {};
  const evaluating: string[] = [];
  const ctx: Context = {
    loaded,
    pseudo: scope.pseudo,
    parameters: scope.parameters,
    importValue: (name) => scope.importValue(name),
    condition(name, path, fn) {
      if (Object.hasOwn(values, name)) return values[name]!;
      if (!Object.hasOwn(declared, name)) throw fail(ctx, path, fn, `condition '${name}' is not defined in Conditions`);
      if (evaluating.includes(name)) {
        const cycle = [...evaluating.slice(evaluating.indexOf(name)), name].join(' -> ');
        throw fail(ctx, ['Conditions', name], 'Conditions', `circular reference between conditions: ${cycle}`);
      }
      evaluating.push(name);
      values[name] = evaluateCondition(declared[name], ctx, ['Conditions', name]);
      evaluating.pop();
      return values[name];
    },
    resource(logicalId, path, fn) {
      throw fail(ctx, path, fn, `conditions can use parameters, pseudo parameters and mappings, not resource '${logicalId}'`);
    },
  };
  for (const name of Object.keys(declared)) ctx.condition(name, ['Conditions', name], 'Conditions');
  checkConditionNames(loaded);
  return values;
}

/** A condition expression as a boolean: a condition function or `{ Condition: name }`. */
export function evaluateCondition(expression: unknown, ctx: Context, path: PropertyPath): boolean {
  if (isObject(expression) && Object.keys(expression).length === 1 && 'Condition' in expression) {
    const name = expression.Condition;
    if (typeof name !== 'string') throw fail(ctx, path, 'Condition', `expects a condition name, got ${describe(name)}`);
    return ctx.condition(name, [...path, 'Condition'], 'Condition');
  }
  const fn = intrinsicName(expression);
  if (fn === 'Fn::Equals' || fn === 'Fn::And' || fn === 'Fn::Or' || fn === 'Fn::Not') {
    return conditionFunction(fn, (expression as Record<string, unknown>)[fn], ctx, path);
  }
  throw fail(ctx, path, 'Condition',
    `expects Fn::Equals, Fn::And, Fn::Or, Fn::Not or { Condition: name }, got ${describe(expression)}`);
}

/** Fn::Equals [a, b]; Fn::And and Fn::Or of 2 to 10 conditions; Fn::Not [condition]. */
export function conditionFunction(fn: 'Fn::Equals' | 'Fn::And' | 'Fn::Or' | 'Fn::Not', arg: unknown, ctx: Context,
  path: PropertyPath): boolean {
  const at = [...path, fn];
  switch (fn) {
    case 'Fn::Equals': {
      const [a, b] = listArgument(ctx, path, fn, arg, 2, 2, '[value1, value2]')
        .map((item, i) => resolve(item, ctx, [...at, i]));
      return sameValue(a, b);
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const results = listArgument(ctx, path, fn, arg, 2, 10, 'a list of 2 to 10 conditions')
        .map((item, i) => evaluateCondition(item, ctx, [...at, i]));
      return fn === 'Fn::And' ? results.every(Boolean) : results.some(Boolean);
    }
    case 'Fn::Not': {
      const [condition] = listArgument(ctx, path, fn, arg, 1, 1, '[condition]');
      return !evaluateCondition(condition, ctx, [...at, 0]);
    }
  }
}

/** CloudFormation compares strings; YAML may have read one side as a number or boolean. */
function sameValue(a: unknown, b: unknown): boolean {
  const scalar = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return scalar(a) && scalar(b) ? String(a) === String(b) : JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a resource or output is part of the stack: it has no Condition, or its condition is true. */
export function isActive(declaration: { Condition?: string }, conditions: Record<string, boolean>): boolean {
  if (declaration.Condition === undefined) return true;
  const value = conditions[declaration.Condition];
  // evaluateConditions() has checked every Condition the template names, with its place in the file.
  if (value === undefined) throw new Error(`condition '${declaration.Condition}' was not evaluated`);
  return value;
}

/** Every `Condition:` of a resource or output names a declared condition. */
function checkConditionNames(loaded: LoadedTemplate): void {
  const declared = loaded.template.Conditions ?? {};
  for (const section of ['Resources', 'Outputs'] as const) {
    for (const [logicalId, item] of Object.entries(loaded.template[section] ?? {})) {
      const name: unknown = item?.Condition;
      if (name !== undefined && !(typeof name === 'string' && Object.hasOwn(declared, name))) {
        throw templateError(loaded, [section, logicalId, 'Condition'], `condition '${String(name)}' is not defined in Conditions`);
      }
    }
  }
}
