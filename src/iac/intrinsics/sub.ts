// Fn::Sub: `${Name}` is a variable from the map, a parameter, a pseudo parameter or a resource's Ref; `${Res.Attr}`
// a resource attribute; `${!Literal}` writes `${Literal}`.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
import type { PropertyPath } from '../template.js';
import { describe, fail, isObject, NO_VALUE, stringOf, type Context } from './context.js';
import { attributeOf, namedValue } from './lookups.js';
import { resolve } from './resolve.js';
import { isPseudoName } from './scope.js';

export type SubPart = { literal: string } | { variable: string };

/** The literal text and variable names of a Fn::Sub string, in order. */
export function parseSubString(text: string): SubPart[] {
  const parts: SubPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    parts.push({ literal: text.slice(last, match.index) });
    const inside = match[1]!;
    parts.push(inside.startsWith('!') ? { literal: `\${${inside.slice(1)}}` } : { variable: inside.trim() });
    last = match.index + match[0].length;
  }
  parts.push({ literal: text.slice(last) });
  return parts;
}

/** The string and variable map of either form, `"text"` or `[text, { Var: value }]`, or undefined if malformed. */
export function subArguments(arg: unknown): { text: string; variables: Record<string, unknown> } | undefined {
  if (typeof arg === 'string') return { text: arg, variables: {} };
  if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && isObject(arg[1])) {
    return { text: arg[0], variables: arg[1] };
  }
  return undefined;
}

export function sub(arg: unknown, ctx: Context, path: PropertyPath): string {
  const fn = 'Fn::Sub';
  const args = subArguments(arg);
  if (!args) throw fail(ctx, path, fn, `expects a string or [string, { Name: value }], got ${describe(arg)}`);
  const variables = Object.fromEntries(Object.entries(args.variables)
    .map(([name, value]) => [name, resolve(value, ctx, [...path, fn, 1, name])]));
  return parseSubString(args.text).map((part) => {
    if ('literal' in part) return part.literal;
    const value = Object.hasOwn(variables, part.variable)
      ? variables[part.variable]
      : variable(part.variable, ctx, path, fn);
    if (Array.isArray(value) || value === NO_VALUE) {
      throw fail(ctx, path, fn, `\${${part.variable}} is ${describe(value)}, not a string; join a list with Fn::Join first`);
    }
    return stringOf(ctx, path, fn, value, `\${${part.variable}}`);
  }).join('');
}

function variable(name: string, ctx: Context, path: PropertyPath, fn: string): unknown {
  const dot = name.indexOf('.');
  if (dot > 0 && !isPseudoName(name)) return attributeOf(name.slice(0, dot), name.slice(dot + 1), ctx, path, fn);
  const named = namedValue(name, ctx, path, fn);
  if (named !== undefined) return named;
  if (!ctx.loaded.template.Resources[name]) {
    throw fail(ctx, path, fn, `variable '${name}' is not a parameter, a resource or a key of the variable map`);
  }
  return ctx.resource(name, path, fn).ref;
}
