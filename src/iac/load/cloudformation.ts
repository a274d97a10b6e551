// Loads a CloudFormation template (YAML or JSON) into its long form and checks the shape CloudFormation itself
// checks before it looks at any property, with the place of each problem.
import {
  templateError, type LoadedTemplate, type PropertyPath, type SourceLocation, type Template,
} from '../template.js';
import { parseYamlDocument } from './yamlDocument.js';

// The sections of the template anatomy; CloudFormation refuses any other ("Invalid template property or
// properties [X]"). https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
const SECTIONS = new Set([
  'AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions',
  'Transform', 'Resources', 'Outputs', 'Hooks',
]);

// The keys a resource may have ("Invalid template resource property 'X'").
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html and the
// resource attribute reference (CreationPolicy, DeletionPolicy, DependsOn, Metadata, UpdatePolicy, ...).
const RESOURCE_KEYS = new Set([
  'Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy',
  'CreationPolicy', 'Metadata', 'Version',
]);

/**
 * `text` read from `file`, YAML or JSON alike: YAML 1.2 parses JSON, so one parser gives positions for both.
 * Throws TemplateError for a syntax error or a template CloudFormation would refuse as malformed.
 */
export function loadCloudFormation(file: string, text: string): LoadedTemplate {
  const { value, locate } = parseYamlDocument(file, text);
  return { file, template: checkTemplate(value, locate), locate };
}

/** `value` as a Template once its sections and resources have the shape CloudFormation requires. */
export function checkTemplate(value: unknown, locate: (path: PropertyPath) => SourceLocation): Template {
  const at = { locate };
  if (!isObject(value)) throw templateError(at, [], 'Template format error: a template is a map of sections');
  for (const section of Object.keys(value)) {
    if (!SECTIONS.has(section)) {
      throw templateError(at, [section], `Template format error: Invalid template property or properties [${section}]`);
    }
  }
  for (const section of ['Parameters', 'Mappings', 'Conditions', 'Outputs']) {
    if (section in value && value[section] !== null && !isObject(value[section])) {
      throw templateError(at, [section], `Template format error: ${section} must be a map`);
    }
  }
  const resources = value.Resources;
  if (resources === undefined || resources === null) {
    throw templateError(at, [], 'Template format error: At least one Resources member must be defined.');
  }
  if (!isObject(resources)) {
    throw templateError(at, ['Resources'], 'Template format error: Resources must be a map of logical IDs to resources');
  }
  for (const [logicalId, resource] of Object.entries(resources)) checkResource(at, logicalId, resource);
  for (const [name, output] of Object.entries(isObject(value.Outputs) ? value.Outputs : {})) {
    // AWS's wording for an output without its Value (found by test/reliability/fuzz: a deleted line left `Name:`).
    if (!isObject(output) || !('Value' in output)) {
      throw templateError(at, ['Outputs', name], `Template format error: Every Outputs member must contain a Value object, the element ${name} does not.`);
    }
  }
  return value as unknown as Template;
}

function checkResource(at: Pick<LoadedTemplate, 'locate'>, logicalId: string, resource: unknown): void {
  const path = ['Resources', logicalId];
  if (!/^[A-Za-z0-9]+$/.test(logicalId)) {
    throw templateError(at, path, `Template format error: Resource name ${logicalId} is non alphanumeric.`);
  }
  if (!isObject(resource)) throw templateError(at, path, 'Template format error: a resource must be a map with a Type');
  for (const name of Object.keys(resource)) {
    if (!RESOURCE_KEYS.has(name)) {
      throw templateError(at, [...path, name], `Invalid template resource property '${name}'`);
    }
  }
  if (typeof resource.Type !== 'string' || resource.Type === '') {
    throw templateError(at, 'Type' in resource ? [...path, 'Type'] : path,
      'Template format error: Every Resources object must contain a Type member.');
  }
  const dependsOn = resource.DependsOn;
  if (dependsOn !== undefined && typeof dependsOn !== 'string'
    && !(Array.isArray(dependsOn) && dependsOn.every((item) => typeof item === 'string'))) {
    throw templateError(at, [...path, 'DependsOn'],
      'Template format error: DependsOn must be a logical ID or a list of logical IDs');
  }
  if (resource.Properties !== undefined && resource.Properties !== null && !isObject(resource.Properties)) {
    throw templateError(at, [...path, 'Properties'], 'Template format error: Properties must be a map');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
