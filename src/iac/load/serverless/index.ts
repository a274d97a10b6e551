// serverless.yml → a LoadedTemplate: parse (CloudFormation short tags become long form), resolve variables
// (./variables.ts), compile as `sls package` does (./compile.ts), and map every compiled path back to the place in
// serverless.yml it came from.
import type { LoadedTemplate, PropertyPath } from '../../template.js';
import { parseYamlDocument } from '../yamlDocument.js';
import { asObject } from './compilation.js';
import { compileService } from './compile.js';
import { resolveVariables, type VariableOptions } from './variables.js';

export interface ServerlessOptions extends VariableOptions {}

export interface LoadedServerless extends LoadedTemplate {
  /** `provider.stackName`, else `<service>-<stage>`. */
  stackName: string;
  /** provider.region, else the `region` option. */
  region: string;
  service: string;
  functions: {
    key: string;
    name: string;
    handler: string;
    runtime?: string;
    environment: Record<string, unknown>;
    logicalId: string;
  }[];
}

// Template sections written under `resources:` in serverless.yml.
const USER_SECTIONS = new Set(['Resources', 'Outputs', 'Conditions', 'Parameters', 'Mappings']);

/** Loads `text`, the content of serverless.yml at `file`. Throws TemplateError with file:line:col. */
export async function loadServerless(file: string, text: string, options: ServerlessOptions): Promise<LoadedServerless> {
  const document = parseYamlDocument(file, text);
  const config = asObject(await resolveVariables(document.value, document.locate, options));
  const c = compileService(config, { file, stage: options.stage, region: options.region, locate: document.locate });
  const userResources = asObject(asObject(config.resources).Resources);
  const userSections = asObject(config.resources);

  const locate = (path: PropertyPath) => {
    const [section, name, ...rest] = path;
    if (section === 'Resources' && typeof name === 'string') {
      if (Object.hasOwn(userResources, name)) return document.locate(['resources', 'Resources', name, ...rest]);
      const origin = c.origins.get(name);
      if (origin) return document.locate(origin);
    }
    if (typeof section === 'string' && USER_SECTIONS.has(section) && typeof name === 'string' && Object.hasOwn(asObject(userSections[section]), name)) {
      return document.locate(['resources', section, name, ...rest]);
    }
    return { file, line: 1, column: 1 };
  };
  const provider = asObject(config.provider);
  return {
    file,
    template: c.template,
    locate,
    stackName: typeof provider.stackName === 'string' ? provider.stackName : `${c.service}-${c.stage}`,
    region: c.region,
    service: c.service,
    functions: c.functions.map(({ key, name, handler, runtime, environment, logicalId }) => ({
      key, name, handler, runtime, environment, logicalId,
    })),
  };
}
