// The resolver's view of a scope, and the argument checks every intrinsic function shares. Errors name the
// function and the problem, in CloudFormation's words where it has some, at the place the function was written.
import { templateError, type LoadedTemplate, type PropertyPath, type TemplateError } from '../template.js';
import type { ParameterValue, Pseudo, ResourceState } from './scope.js';

/**
 * What the functions call. Built from a ResolveScope by resolveValue(), and by evaluateConditions() with
 * conditions evaluated on demand (so that one condition may name another) and no resources at all.
 */
export interface Context {
  loaded: LoadedTemplate;
  pseudo: Pseudo;
  parameters: Record<string, ParameterValue>;
  /** A resource's state; throws TemplateError when the template cannot give one, Unresolved when not created yet. */
  resource(logicalId: string, path: PropertyPath, fn: string): ResourceState;
  condition(name: string, path: PropertyPath, fn: string): boolean;
  importValue(name: string): string | undefined;
}

/** Stands for AWS::NoValue until the enclosing map or list drops it. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export function fail(ctx: Pick<Context, 'loaded'>, path: PropertyPath, fn: string, reason: string): TemplateError {
  return templateError(ctx.loaded, path, `${fn}: ${reason}`);
}

/** `arg` as a list of `min`..`max` items, or an error that shows the expected `shape`. */
export function listArgument(ctx: Context, path: PropertyPath, fn: string, arg: unknown, min: number, max: number,
  shape: string): unknown[] {
  if (!Array.isArray(arg) || arg.length < min || arg.length > max) {
    throw fail(ctx, path, fn, `expects ${shape}, got ${describe(arg)}`);
  }
  return arg;
}

/** A resolved scalar as the string CloudFormation sees (YAML may have parsed `80` as a number). */
export function stringOf(ctx: Context, path: PropertyPath, fn: string, value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw fail(ctx, path, fn, `${what} must be a string, got ${describe(value)}`);
}

export function listOf(ctx: Context, path: PropertyPath, fn: string, value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw fail(ctx, path, fn, `${what} must be a list, got ${describe(value)}`);
}

/** A short, readable account of a value for error messages. */
export function describe(value: unknown): string {
  if (value === NO_VALUE) return 'AWS::NoValue';
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return `a map {${Object.keys(value).join(', ')}}`;
  return JSON.stringify(value);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
