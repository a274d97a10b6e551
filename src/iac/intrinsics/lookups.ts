// The functions that look something up: Ref, Fn::GetAtt, Fn::FindInMap, Fn::ImportValue, Fn::GetAZs.
import type { PropertyPath } from '../template.js';
import { describe, fail, isObject, listArgument, NO_VALUE, stringOf, type Context } from './context.js';
import { resolve } from './resolve.js';
import { isPseudoName, pseudoParameter, type ParameterValue } from './scope.js';

/** Ref: a parameter's value, a pseudo parameter, or a resource's physical ID. AWS::NoValue removes the value. */
export function ref(arg: unknown, ctx: Context, path: PropertyPath): unknown {
  const fn = 'Ref';
  if (typeof arg !== 'string') throw fail(ctx, path, fn, `expects a logical ID or parameter name, got ${describe(arg)}`);
  const named = namedValue(arg, ctx, path, fn);
  if (named !== undefined) return named;
  if (!ctx.loaded.template.Resources[arg]) {
    // CloudFormation: "Unresolved resource dependencies [X] in the Resources block of the template".
    throw fail(ctx, path, fn, `'${arg}' is neither a parameter nor a resource defined in the template`);
  }
  return ctx.resource(arg, path, fn).ref;
}

/** A pseudo parameter's or a parameter's value; undefined when `name` is neither (so it names a resource). */
export function namedValue(name: string, ctx: Context, path: PropertyPath, fn: string): ParameterValue | typeof NO_VALUE | undefined {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (isPseudoName(name)) {
    const value = pseudoParameter(ctx.pseudo, name);
    if (value === undefined) throw fail(ctx, path, fn, `'${name}' is not a pseudo parameter`);
    return value;
  }
  return Object.hasOwn(ctx.parameters, name) ? ctx.parameters[name] : undefined;
}

/** Fn::GetAtt [logicalId, attribute], or `logicalId.attribute`; the attribute may be a Ref to a parameter. */
export function getAtt(arg: unknown, ctx: Context, path: PropertyPath): unknown {
  const fn = 'Fn::GetAtt';
  const parts = typeof arg === 'string' && arg.includes('.')
    ? [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)]
    : listArgument(ctx, path, fn, arg, 2, 2, '[logicalId, attributeName]');
  const [logicalId, attributeArg] = parts;
  if (typeof logicalId !== 'string') throw fail(ctx, path, fn, `the logical ID must be a string, got ${describe(logicalId)}`);
  const attribute = stringOf(ctx, path, fn, resolve(attributeArg, ctx, [...path, fn, 1]), 'the attribute name');
  return attributeOf(logicalId, attribute, ctx, path, fn);
}

/** `logicalId`'s `attribute`, as Fn::GetAtt and `${Res.Attr}` in Fn::Sub read it. */
export function attributeOf(logicalId: string, attribute: string, ctx: Context, path: PropertyPath, fn: string): unknown {
  const state = ctx.resource(logicalId, path, fn);
  if (!Object.hasOwn(state.attributes, attribute)) {
    const type = ctx.loaded.template.Resources[logicalId]?.Type ?? 'resource';
    // CloudFormation: "Template error: resource X does not support attribute type Y in Fn::GetAtt".
    throw fail(ctx, path, fn, `resource '${logicalId}' (${type}) does not support attribute type '${attribute}'`);
  }
  return state.attributes[attribute];
}

/**
 * Fn::FindInMap [map, topKey, secondKey] with an optional fourth `{ DefaultValue: ... }` (the form that the
 * AWS::LanguageExtensions transform adds) used when a key is missing.
 */
export function findInMap(arg: unknown, ctx: Context, path: PropertyPath): unknown {
  const fn = 'Fn::FindInMap';
  const args = listArgument(ctx, path, fn, arg, 3, 4, '[MapName, TopLevelKey, SecondLevelKey]');
  const [mapName, topKey, secondKey] = args.slice(0, 3).map((item, i) =>
    stringOf(ctx, path, fn, resolve(item, ctx, [...path, fn, i]), ['the map name', 'the top-level key', 'the second-level key'][i]!));
  const fallback = args[3];
  if (fallback !== undefined && !(isObject(fallback) && Object.hasOwn(fallback, 'DefaultValue'))) {
    throw fail(ctx, path, fn, `the fourth argument must be { DefaultValue: ... }, got ${describe(fallback)}`);
  }
  const mapping = ctx.loaded.template.Mappings?.[mapName!];
  if (!mapping) throw fail(ctx, path, fn, `mapping '${mapName}' is not defined in Mappings`);
  const top = mapping[topKey!];
  const value = top?.[secondKey!];
  if (value !== undefined) return resolve(value, ctx, ['Mappings', mapName!, topKey!, secondKey!]);
  if (fallback) return resolve(fallback.DefaultValue, ctx, [...path, fn, 3, 'DefaultValue']);
  throw fail(ctx, path, fn, top === undefined
    ? `key '${topKey}' is not in mapping '${mapName}'`
    : `key '${secondKey}' is not under '${topKey}' in mapping '${mapName}'`);
}

/** Fn::ImportValue: the value another stack exports. */
export function importValue(arg: unknown, ctx: Context, path: PropertyPath): string {
  const fn = 'Fn::ImportValue';
  const name = stringOf(ctx, path, fn, resolve(arg, ctx, [...path, fn]), 'the export name');
  const value = ctx.importValue(name);
  // CloudFormation's own words when the export is missing.
  if (value === undefined) throw fail(ctx, path, fn, `No export named ${name} found.`);
  return value;
}

/**
 * Fn::GetAZs: three zones `<region>a..c` of the region given, or of the stack's region for ''. Real regions have
 * two to six; three is what most have and what templates that Select 0..2 expect.
 */
export function getAZs(arg: unknown, ctx: Context, path: PropertyPath): string[] {
  const fn = 'Fn::GetAZs';
  const region = stringOf(ctx, path, fn, resolve(arg ?? '', ctx, [...path, fn]), 'the region') || ctx.pseudo.region;
  return ['a', 'b', 'c'].map((zone) => `${region}${zone}`);
}
