// Builds a real LoadedTemplate from YAML text and a ResolveScope over it, with resources "created" as a test says.
import * as assert from 'uvu/assert';
import { loadCloudFormation } from '../../../src/iac/load/cloudformation.js';
import { evaluateConditions, resolveParameters, resolveValue, type Pseudo, type ResolveScope, type ResourceState } from '../../../src/iac/intrinsics/index.js';
import { TemplateError, type LoadedTemplate } from '../../../src/iac/template.js';

export const pseudo: Pseudo = {
  region: 'eu-west-1',
  accountId: '000000000000',
  stackName: 'demo',
  stackId: 'arn:aws:cloudformation:eu-west-1:000000000000:stack/demo/1',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
};

export function load(text: string): LoadedTemplate {
  return loadCloudFormation('template.yaml', text);
}

export interface ScopeOptions {
  overrides?: Record<string, string>;
  resources?: Record<string, ResourceState>;
  exports?: Record<string, string>;
}

export function scopeFor(loaded: LoadedTemplate, options: ScopeOptions = {}): ResolveScope {
  const parameters = resolveParameters(loaded, options.overrides ?? {});
  const importValue = (name: string) => options.exports?.[name];
  return {
    loaded,
    pseudo,
    parameters,
    conditions: evaluateConditions(loaded, { pseudo, parameters, importValue }),
    resource: (logicalId) => options.resources?.[logicalId],
    importValue,
  };
}

/** The resolved `Value` property of resource `R` in a template whose resources are `resources` (YAML text). */
export function resolveIn(text: string, options: ScopeOptions = {}): unknown {
  const loaded = load(text);
  const path = ['Resources', 'R', 'Properties', 'Value'];
  return resolveValue(loaded.template.Resources.R!.Properties!.Value, scopeFor(loaded, options), path);
}

/** The message of the TemplateError `run` throws. */
export function templateErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
  assert.unreachable('expected a TemplateError');
  return '';
}
