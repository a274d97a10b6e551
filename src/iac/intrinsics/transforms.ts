// The functions that compute a value from their arguments: Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::Base64,
// and the AWS::LanguageExtensions ones that are one line each, Fn::ToJsonString and Fn::Length.
import type { PropertyPath } from '../template.js';
import { describe, fail, listArgument, listOf, stringOf, type Context } from './context.js';
import { resolve } from './resolve.js';

/** Fn::Join [delimiter, [values]]. */
export function join(arg: unknown, ctx: Context, path: PropertyPath): string {
  const fn = 'Fn::Join';
  const [delimiter, values] = listArgument(ctx, path, fn, arg, 2, 2, '[delimiter, [values]]');
  const separator = stringOf(ctx, path, fn, resolve(delimiter, ctx, [...path, fn, 0]), 'the delimiter');
  const list = listOf(ctx, path, fn, resolve(values, ctx, [...path, fn, 1]), 'the values');
  return list.map((item, i) => stringOf(ctx, path, fn, item, `value ${i}`)).join(separator);
}

/** Fn::Select [index, [values]]; the index may be written as a string. */
export function select(arg: unknown, ctx: Context, path: PropertyPath): unknown {
  const fn = 'Fn::Select';
  const [indexArg, values] = listArgument(ctx, path, fn, arg, 2, 2, '[index, [values]]');
  const indexText = stringOf(ctx, path, fn, resolve(indexArg, ctx, [...path, fn, 0]), 'the index');
  const list = listOf(ctx, path, fn, resolve(values, ctx, [...path, fn, 1]), 'the values');
  if (!/^\d+$/.test(indexText.trim())) throw fail(ctx, path, fn, `the index must be a whole number, got ${JSON.stringify(indexText)}`);
  const index = Number(indexText);
  // CloudFormation: "Fn::Select cannot select nonexistent value at index N".
  if (index >= list.length) {
    throw fail(ctx, path, fn, `cannot select nonexistent value at index ${index} (the list has ${list.length})`);
  }
  return list[index];
}

/** Fn::Split [delimiter, source]. */
export function split(arg: unknown, ctx: Context, path: PropertyPath): string[] {
  const fn = 'Fn::Split';
  const [delimiter, source] = listArgument(ctx, path, fn, arg, 2, 2, '[delimiter, source string]');
  const separator = stringOf(ctx, path, fn, resolve(delimiter, ctx, [...path, fn, 0]), 'the delimiter');
  if (separator === '') throw fail(ctx, path, fn, 'the delimiter must not be empty');
  return stringOf(ctx, path, fn, resolve(source, ctx, [...path, fn, 1]), 'the source').split(separator);
}

/** Fn::If [condition, valueIfTrue, valueIfFalse]: only the chosen branch is resolved. */
export function ifFunction(arg: unknown, ctx: Context, path: PropertyPath): unknown {
  const fn = 'Fn::If';
  const [name, whenTrue, whenFalse] = listArgument(ctx, path, fn, arg, 3, 3, '[condition name, value if true, value if false]');
  if (typeof name !== 'string') throw fail(ctx, path, fn, `the condition must be a condition name, got ${describe(name)}`);
  return ctx.condition(name, path, fn)
    ? resolve(whenTrue, ctx, [...path, fn, 1])
    : resolve(whenFalse, ctx, [...path, fn, 2]);
}

/** Fn::Base64: the UTF-8 bytes of a string, base64-encoded. */
export function base64(arg: unknown, ctx: Context, path: PropertyPath): string {
  const fn = 'Fn::Base64';
  const text = stringOf(ctx, path, fn, resolve(arg, ctx, [...path, fn]), 'the value to encode');
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Fn::ToJsonString: a map or list as compact JSON. */
export function toJsonString(arg: unknown, ctx: Context, path: PropertyPath): string {
  const fn = 'Fn::ToJsonString';
  const value = resolve(arg, ctx, [...path, fn]);
  if (typeof value !== 'object' || value === null) throw fail(ctx, path, fn, `expects a map or a list, got ${describe(value)}`);
  return JSON.stringify(value);
}

/** Fn::Length: the number of items of a list. */
export function length(arg: unknown, ctx: Context, path: PropertyPath): number {
  const fn = 'Fn::Length';
  return listOf(ctx, path, fn, resolve(arg, ctx, [...path, fn]), 'the argument').length;
}
