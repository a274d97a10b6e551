// The pure intrinsic resolver: a template value in, the JSON value CloudFormation would pass to the resource out.
// An intrinsic is a map with a single key, `Ref` or `Fn::*` (as in aws-cdk's CfnParser); one switch dispatches.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
import type { PropertyPath } from '../template.js';
import { fail, isObject, NO_VALUE, type Context } from './context.js';
import { cidr } from './cidr.js';
import { conditionFunction } from './conditions.js';
import { base64, ifFunction, join, length, select, split, toJsonString } from './transforms.js';
import { findInMap, getAtt, getAZs, importValue, ref } from './lookups.js';
import { sub } from './sub.js';
import { Unresolved, type ResolveScope } from './scope.js';

/**
 * `value` with every intrinsic function resolved; undefined when the whole value is AWS::NoValue. Properties and
 * list items that resolve to AWS::NoValue are removed. Throws TemplateError for a template mistake and Unresolved
 * when a resource it needs is not created yet.
 */
export function resolveValue(value: unknown, scope: ResolveScope, path: PropertyPath): unknown {
  const resolved = resolve(value, contextOf(scope), path);
  return resolved === NO_VALUE ? undefined : resolved;
}

function contextOf(scope: ResolveScope): Context {
  const { loaded } = scope;
  const condition: Context['condition'] = (name, path, fn) => {
    const value = scope.conditions[name];
    if (value === undefined) throw fail({ loaded }, path, fn, `condition '${name}' is not defined in Conditions`);
    return value;
  };
  return {
    loaded,
    pseudo: scope.pseudo,
    parameters: scope.parameters,
    importValue: (name) => scope.importValue(name),
    condition,
    resource(logicalId, path, fn) {
      const declaration = loaded.template.Resources[logicalId];
      if (!declaration) throw fail({ loaded }, path, fn, `resource '${logicalId}' is not defined in the template`);
      const declared = declaration.Condition;
      if (declared !== undefined && !condition(declared, ['Resources', logicalId, 'Condition'], 'Condition')) {
        throw fail({ loaded }, path, fn, `resource '${logicalId}' is not created because its condition '${declared}' is false`);
      }
      const state = scope.resource(logicalId);
      if (!state) throw new Unresolved(logicalId, path);
      return state;
    },
  };
}

/** The name of the intrinsic function `value` calls, if it is one. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  const [name] = keys;
  return keys.length === 1 && name !== undefined && (name === 'Ref' || name.startsWith('Fn::')) ? name : undefined;
}

/** Resolves `value` at `path`; NO_VALUE stands for AWS::NoValue so that the caller can drop it. */
export function resolve(value: unknown, ctx: Context, path: PropertyPath): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => resolve(item, ctx, [...path, i])).filter((item) => item !== NO_VALUE);
  }
  if (!isObject(value)) return value;
  const fn = intrinsicName(value);
  if (fn) return call(fn, value[fn], ctx, path);
  const result: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const resolved = resolve(item, ctx, [...path, name]);
    if (resolved !== NO_VALUE) result[name] = resolved;
  }
  return result;
}

function call(fn: string, arg: unknown, ctx: Context, path: PropertyPath): unknown {
  switch (fn) {
    case 'Ref': return ref(arg, ctx, path);
    case 'Fn::GetAtt': return getAtt(arg, ctx, path);
    case 'Fn::Sub': return sub(arg, ctx, path);
    case 'Fn::FindInMap': return findInMap(arg, ctx, path);
    case 'Fn::ImportValue': return importValue(arg, ctx, path);
    case 'Fn::GetAZs': return getAZs(arg, ctx, path);
    case 'Fn::Join': return join(arg, ctx, path);
    case 'Fn::Select': return select(arg, ctx, path);
    case 'Fn::Split': return split(arg, ctx, path);
    case 'Fn::If': return ifFunction(arg, ctx, path);
    case 'Fn::Base64': return base64(arg, ctx, path);
    case 'Fn::ToJsonString': return toJsonString(arg, ctx, path);
    case 'Fn::Length': return length(arg, ctx, path);
    case 'Fn::Cidr': return cidr(arg, ctx, path);
    case 'Fn::Equals':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::Not':
      return conditionFunction(fn, arg, ctx, path);
    case 'Fn::Transform':
      throw fail(ctx, path, fn, 'macros run inside AWS only; cogniform cannot expand them locally');
    default:
      throw fail(ctx, path, fn, `Encountered unsupported function: ${fn}`);
  }
}
