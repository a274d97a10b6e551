import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FunctionError, runtimeError } from './errors.js';

// Loads a function's handler the way Lambda's Node.js runtime does (aws-lambda-nodejs-runtime-interface-client,
// src/UserFunction.js): `dir/module.fn.nested` is the module `dir/module` under the code folder and the export path
// `fn.nested`; `..` is refused; the file is the extensionless one, else `.js` (required, or imported under a
// package.json with "type": "module"), `.mjs` (imported), `.cjs` (required), then `.ts`, `.mts`, `.cts` like `.js`,
// `.mjs`, `.cjs` (Lambda reads TypeScript only from Node 24; cogniform transpiles it on load, for local work, through
// the tsx loader the worker registers first). Failures carry Lambda's error types.

export type HandlerFunction = (event: unknown, context: object, callback: (error?: unknown, result?: unknown) => void) => unknown;

const require = createRequire(import.meta.url);

type Load = (file: string) => unknown;
const requireFile: Load = (file) => require(file);
const importFile: Load = (file) => import(pathToFileURL(file).href);

export async function loadHandler(codeDir: string, fullHandler: string): Promise<HandlerFunction> {
  if (fullHandler.includes('..')) {
    throw new FunctionError(runtimeError('Runtime.MalformedHandlerName',
      `'${fullHandler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`));
  }
  const moduleAndExport = path.basename(fullHandler);
  const match = /^([^.]*)\.(.*)$/.exec(moduleAndExport);
  if (!match) throw new FunctionError(runtimeError('Runtime.MalformedHandlerName', 'Bad handler'));
  const [, moduleName = '', exportPath = ''] = match;
  const base = path.resolve(codeDir, path.dirname(fullHandler), moduleName);

  const userModule = await loadModule(base, fullHandler);
  const handler = exportPath.split('.').reduce<any>((value, key) => value?.[key], userModule);
  if (!handler) throw new FunctionError(runtimeError('Runtime.HandlerNotFound', `${fullHandler} is undefined or not exported`));
  if (typeof handler !== 'function') throw new FunctionError(runtimeError('Runtime.HandlerNotFound', `${fullHandler} is not a function`));
  return handler as HandlerFunction;
}

async function loadModule(base: string, fullHandler: string): Promise<unknown> {
  const typeModule = isTypeModule(path.dirname(base));
  const candidates: Array<[extension: string, load: Load]> = [
    ['', requireFile],
    ['.js', typeModule ? importFile : requireFile],
    ['.mjs', importFile],
    ['.cjs', requireFile],
    ['.ts', typeModule ? importFile : requireFile],
    ['.mts', importFile],
    ['.cts', requireFile],
  ];
  const found = candidates.find(([extension]) => isFile(base + extension));
  if (!found) {
    throw new FunctionError(runtimeError('Runtime.ImportModuleError',
      `Error: Cannot find module '${path.basename(base)}' for handler ${fullHandler}: none of ${base}{,.js,.mjs,.cjs,.ts,.mts,.cts} exists`));
  }
  const [extension, load] = found;
  try {
    return await load(base + extension);
  } catch (error) {
    // As UserFunction.js's _loadUserApp: a syntax error and a missing module (the handler's own imports) get
    // runtime types; anything else the module threw while initializing is reported as it is.
    if (error instanceof SyntaxError) throw new FunctionError(runtimeError('Runtime.UserCodeSyntaxError', String(error)));
    const code = (error as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw new FunctionError(runtimeError('Runtime.ImportModuleError', String(error)));
    }
    throw error;
  }
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The nearest package.json says "type": "module" (a node_modules folder or the root ends the search). */
function isTypeModule(folder: string): boolean {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return false;
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8'))?.type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}
