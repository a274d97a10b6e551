import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCloudFormation } from './load/cloudformation.js';
import { loadServerless } from './load/serverless/index.js';
import { TemplateError, type LoadedTemplate } from './template.js';

// Which files the paths given to `cogniform start` stand for, and each one loaded as the stack it describes
// (DESIGN.md §3 "folders"): a folder with serverless.yml loads that file only; otherwise every *.yaml, *.yml and
// *.json in it that has `Resources` or `AWSTemplateFormatVersion`.

export interface SourceOptions {
  stage: string;
  region: string;
  accountId: string;
  env: Record<string, string | undefined>;
}

export interface LoadedStack {
  loaded: LoadedTemplate;
  stackName: string;
  region: string;
}

const SERVERLESS_NAMES = ['serverless.yml', 'serverless.yaml'];
const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The template files `paths` stand for, in a stable order. */
export async function templateFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new TemplateError({ file: given, line: 1, column: 1 }, 'no such file or folder');
    if (info.isFile()) {
      files.push(given);
      continue;
    }
    const names = (await readdir(given)).sort();
    const serverless = SERVERLESS_NAMES.find((name) => names.includes(name));
    if (serverless) {
      files.push(path.join(given, serverless));
      continue;
    }
    for (const name of names) {
      if (!TEMPLATE_EXTENSIONS.includes(path.extname(name))) continue;
      const file = path.join(given, name);
      if (await looksLikeTemplate(file)) files.push(file);
    }
  }
  return [...new Set(files)];
}

const SECTION_AT_LINE_START = /^\s*"?(Resources|AWSTemplateFormatVersion)"?\s*:/m;

/**
 * A YAML template has the section at the start of a line. JSON may be on one line (`JSON.stringify` writes it so):
 * its top-level keys decide, and JSON that does not parse is looked at like YAML, so that a broken template is still
 * loaded and its error shown.
 */
async function looksLikeTemplate(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => '');
  if (path.extname(file) === '.json') {
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && ('Resources' in parsed || 'AWSTemplateFormatVersion' in parsed);
    } catch {
      return SECTION_AT_LINE_START.test(text);
    }
  }
  return SECTION_AT_LINE_START.test(text);
}

export const isServerless = (file: string) => SERVERLESS_NAMES.includes(path.basename(file));

/** Loads one file: serverless.yml compiled to CloudFormation, or a CloudFormation template as it is. */
export async function loadStack(file: string, options: SourceOptions): Promise<LoadedStack> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new TemplateError({ file, line: 1, column: 1 }, 'cannot be read');
  });
  if (isServerless(file)) {
    const loaded = await loadServerless(file, text, {
      stage: options.stage,
      region: options.region,
      accountId: options.accountId,
      env: options.env,
      readFile: (other) => readFile(path.resolve(path.dirname(file), other), 'utf8'),
    });
    return { loaded, stackName: loaded.stackName, region: loaded.region };
  }
  return { loaded: loadCloudFormation(file, text), stackName: stackNameOf(file), region: options.region };
}

/**
 * A plain template's stack is named after its file (`auth.template.yaml` → `auth`), as stack names allow: letters,
 * digits and hyphens, starting with a letter (CreateStack reference).
 */
export function stackNameOf(file: string): string {
  const base = path.basename(file).replace(/(\.template)?\.(ya?ml|json)$/i, '');
  const name = base.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^[^A-Za-z]+/, '');
  return name || 'stack';
}
