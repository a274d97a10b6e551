// Serverless Framework v3 variable resolution over a parsed serverless.yml, for the sources a local emulator can
// answer. Semantics as v3 documents and implements them (serverless.com/framework/docs/providers/aws/guide/
// variables; read in osls 3.77.1 lib/configuration/variables/{resolve,sources/*}.js):
// - sources are tried in order; the first that yields a value other than null/undefined wins; a literal ends the
//   chain (`${env:X, 'd'}`, `${env:X, self:custom.y, 'd'}`); no value and no fallback is an error;
// - a string that is one variable becomes that value as it is (an object, a number); a variable inside a longer
//   string must give a string, number or boolean;
// - values are resolved again until no variable is left (a value may hold variables of its own), and a variable's
//   address and parameters may hold variables (`${self:custom.${opt:stage}}`);
// - `self:` reads the resolved configuration; `file(path):address` reads YAML (CloudFormation tags allowed), JSON,
//   or text, relative to serverless.yml, an address walking into it;
// - cogniform's `--stage` is always given, so `opt:stage` and `sls:stage` are it; `aws:region` is provider.region,
//   else `--region` (DESIGN.md §3: provider.region wins for that stack); `aws:accountId` is `--account-id`.
import path from 'node:path';
import { TemplateError, type PropertyPath, type SourceLocation } from '../../template.js';
import { parseYamlDocument } from '../yamlDocument.js';
import { hasVariables, parseSegments, type Source, type Variable } from './variableSyntax.js';

export interface VariableOptions {
  /** `--stage`: `${opt:stage}`, `${sls:stage}`. */
  stage: string;
  /** `--region`: `${opt:region}`, and `${aws:region}` when provider.region is not set. */
  region: string;
  accountId: string;
  env: Record<string, string | undefined>;
  /** Reads a file named as `${file(...)}` wrote it (relative to serverless.yml). */
  readFile(file: string): Promise<string>;
}

/** Where each path of the configuration was written, for errors. */
export type Locate = (path: PropertyPath) => SourceLocation;

// v3 stops after 10 rounds of values resolving to more variables (resolve.js, resolveInternalResult nestTracker).
const MAX_DEPTH = 10;
const NOT_FOUND = Symbol('not found');

/** The configuration with every variable replaced. Throws TemplateError at the first that cannot be resolved. */
export async function resolveVariables(config: unknown, locate: Locate, options: VariableOptions): Promise<unknown> {
  return new Resolver(config, locate, options).resolvedAt([]);
}

class Resolver {
  /** Fully resolved values by path, so that each `self:` target is resolved once. */
  private readonly done = new Map<string, unknown>();
  /** Strings being resolved now: meeting one again is a cycle. */
  private readonly active = new Set<string>();
  private readonly files = new Map<string, Promise<unknown>>();

  constructor(
    private readonly config: unknown,
    private readonly locate: Locate,
    private readonly options: VariableOptions,
  ) {}

  /** The fully resolved value at `at`, or undefined when nothing is there. */
  async resolvedAt(at: PropertyPath): Promise<unknown> {
    const key = JSON.stringify(at);
    if (this.done.has(key)) return this.done.get(key);
    const raw = await this.rawAt(at);
    const value = raw === NOT_FOUND ? undefined : await this.deep(raw, at, 0, true);
    this.done.set(key, value);
    return value;
  }

  /** The value at `at` with every string on the way there resolved, its own children left as written. */
  private async rawAt(at: PropertyPath): Promise<unknown> {
    if (at.length === 0) return this.config;
    const key = JSON.stringify(at);
    if (this.done.has(key)) return this.done.get(key);
    let parent = await this.rawAt(at.slice(0, -1));
    if (typeof parent === 'string' && hasVariables(parent)) parent = await this.resolvedAt(at.slice(0, -1));
    if (parent === NOT_FOUND || typeof parent !== 'object' || parent === null) return NOT_FOUND;
    const name = at.at(-1)!;
    return Object.hasOwn(parent, name) ? (parent as Record<string, unknown>)[name] : NOT_FOUND;
  }

  /**
   * `value` with its variables resolved. `guard` marks a value written in the configuration at `at` (rather than
   * one a variable gave, or an address): meeting that same string again while resolving it is a cycle.
   */
  private async deep(value: unknown, at: PropertyPath, depth: number, guard = false): Promise<unknown> {
    if (typeof value === 'string') return this.resolveString(value, at, depth, guard);
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const [i, item] of value.entries()) items.push(await this.deep(item, [...at, i], depth, guard));
      return items;
    }
    if (typeof value === 'object' && value !== null) {
      const object: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) object[name] = await this.deep(item, [...at, name], depth, guard);
      return object;
    }
    return value;
  }

  private async resolveString(text: string, at: PropertyPath, depth: number, guard = false): Promise<unknown> {
    if (!text.includes('${')) return text;
    const segments = this.parse(text, at);
    if (segments.every((segment) => typeof segment === 'string')) return segments.join('');
    if (depth > MAX_DEPTH) throw this.error(at, `variables in "${text}" keep resolving to more variables`);
    const key = JSON.stringify(at);
    if (guard && this.active.has(key)) throw this.error(at, `"${text}" refers to itself (a circular reference)`);
    if (guard) this.active.add(key);
    try {
      const values: unknown[] = [];
      for (const segment of segments) {
        values.push(typeof segment === 'string' ? segment : await this.resolveVariable(segment, at, depth));
      }
      if (values.length === 1) return values[0];
      return values.map((value, i) => {
        if (['string', 'number', 'boolean'].includes(typeof value)) return String(value);
        throw this.error(at, `${(segments[i] as Variable).text} is inside a string but resolves to ${describe(value)}`);
      }).join('');
    } finally {
      if (guard) this.active.delete(key);
    }
  }

  private async resolveVariable(variable: Variable, at: PropertyPath, depth: number): Promise<unknown> {
    const misses: string[] = [];
    for (const source of variable.sources) {
      if (source.kind === 'literal') return source.value;
      const found = await this.resolveSource(source, variable, at, depth);
      if (found.value !== null && found.value !== undefined) return this.deep(found.value, at, depth + 1);
      misses.push(found.miss);
    }
    throw this.error(at, `cannot resolve ${variable.text}: ${misses.join('; ')}, and there is no default`);
  }

  private async resolveSource(
    source: Extract<Source, { kind: 'variable' }>, variable: Variable, at: PropertyPath, depth: number,
  ): Promise<{ value?: unknown; miss: string }> {
    const address = source.address === undefined ? undefined : String(await this.resolveString(source.address, at, depth));
    const params: string[] = [];
    for (const param of source.params) params.push(String(await this.resolveString(param, at, depth)));
    const name = `${source.type}:${address ?? ''}`;
    switch (source.type) {
      case 'self':
        return { value: await this.resolvedAt(address ? address.split('.') : []), miss: `no value at ${address}` };
      case 'opt':
        return { value: this.option(address), miss: `no --${address} option` };
      case 'sls':
        if (address === 'stage') return { value: this.options.stage, miss: '' };
        break;
      case 'env':
        return { value: address ? this.options.env[address] : undefined, miss: `environment variable ${address} is not set` };
      case 'aws':
        if (address === 'accountId') return { value: this.options.accountId, miss: '' };
        if (address === 'region') {
          const region = await this.resolvedAt(['provider', 'region']);
          return { value: region ?? this.options.region, miss: '' };
        }
        break;
      case 'file':
        return this.fromFile(params[0], address, at, variable);
    }
    // ssm:, cf:, s3:, param: ... ask AWS; locally they only have their defaults.
    return { miss: `${name} is not available locally (cogniform answers self, opt, sls:stage, env, file, aws:region and aws:accountId)` };
  }

  private option(name: string | undefined): unknown {
    if (name === 'stage') return this.options.stage;
    if (name === 'region') return this.options.region;
    return undefined;
  }

  private async fromFile(
    file: string | undefined, address: string | undefined, at: PropertyPath, variable: Variable,
  ): Promise<{ value?: unknown; miss: string }> {
    if (!file) throw this.error(at, `${variable.text} names no file`);
    const content = await this.readFile(file, at);
    if (content === NOT_FOUND) return { miss: `${file} cannot be read` };
    let value = content;
    for (const name of address ? address.split('.') : []) {
      // A string on the way may itself be a variable that gives an object (v3 sources/file.js does the same).
      if (typeof value === 'string') value = await this.resolveString(value, at, 0);
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) {
        return { miss: `${file} has no ${address}` };
      }
      value = (value as Record<string, unknown>)[name];
    }
    return { value, miss: `${file} has no ${address}` };
  }

  private readFile(file: string, at: PropertyPath): Promise<unknown> {
    let content = this.files.get(file);
    if (!content) {
      content = this.options.readFile(file).then(
        (text) => {
          const extension = path.extname(file).toLowerCase();
          if (extension === '.yml' || extension === '.yaml') return parseYamlDocument(file, text).value;
          if (extension !== '.json') return text;
          try {
            return JSON.parse(text) as unknown;
          } catch (error) {
            throw this.error(at, `${file} is not valid JSON: ${(error as Error).message}`);
          }
        },
        () => NOT_FOUND,
      );
      this.files.set(file, content);
    }
    return content;
  }

  private parse(text: string, at: PropertyPath) {
    try {
      return parseSegments(text);
    } catch (error) {
      throw this.error(at, (error as Error).message);
    }
  }

  private error(at: PropertyPath, reason: string): TemplateError {
    return new TemplateError(this.locate(at), `${describeConfigPath(at)}: ${reason}`);
  }
}

/** `functions.hello.environment.X`, `custom.list[0]` */
export function describeConfigPath(at: PropertyPath): string {
  if (at.length === 0) return '(top level)';
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}
