// Parameter values for one stack: `--param` overrides win over Default; the declared constraints are checked
// as CloudFormation checks them, with its messages ("Parameter 'X' must be one of AllowedValues").
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
import { templateError, type LoadedTemplate, type ParameterDeclaration, type PropertyPath } from '../template.js';
import { isObject } from './context.js';
import type { ParameterValue } from './scope.js';

/**
 * The value of every declared parameter. `overrides` may name parameters the template does not declare (one
 * `--param` list serves every stack) and those are ignored.
 */
export function resolveParameters(loaded: LoadedTemplate, overrides: Record<string, string>): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const [name, declaration] of Object.entries(loaded.template.Parameters ?? {})) {
    values[name] = parameterValue(loaded, name, declaration, Object.hasOwn(overrides, name) ? overrides[name] : undefined);
  }
  return values;
}

function parameterValue(loaded: LoadedTemplate, name: string, declaration: ParameterDeclaration,
  override: string | undefined): ParameterValue {
  const path: PropertyPath = ['Parameters', name];
  const error = (at: PropertyPath, reason: string) => templateError(loaded, at, reason);
  if (!isObject(declaration) || typeof declaration.Type !== 'string') {
    throw error(path, `Parameter '${name}' must declare a Type`);
  }
  const type = declaration.Type;
  if (declaration.AllowedPattern !== undefined && !validPattern(String(declaration.AllowedPattern))) {
    throw error([...path, 'AllowedPattern'], `Parameter '${name}': AllowedPattern is not a valid regular expression`);
  }
  const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type);
  if (ssm && override === undefined) {
    throw error([...path, 'Type'], `Parameter '${name}' reads its value from SSM Parameter Store (${type}), which is `
      + `not available locally; give the value with --param ${name}=VALUE`);
  }
  const raw = override ?? declaration.Default;
  if (raw === undefined || raw === null) {
    // CloudFormation: "Parameters: [X] must have values".
    throw error(path, `Parameters: [${name}] must have values; give one with --param ${name}=VALUE`);
  }
  const at: PropertyPath = override === undefined ? [...path, 'Default'] : path;
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  const valueType = ssm ? ssm[1]! : type;
  const isList = valueType === 'CommaDelimitedList' || valueType.startsWith('List<');
  // "An array of literal strings that are separated by commas": the items are not trimmed.
  const items = isList ? text.split(',') : [text];
  for (const item of items) {
    const problem = constraintProblem(valueType, declaration, item);
    if (problem) {
      const reason = declaration.ConstraintDescription
        ? `Parameter '${name}' failed to satisfy constraint: ${declaration.ConstraintDescription}`
        : `Parameter '${name}' ${problem}`;
      throw error(at, reason);
    }
  }
  return isList ? items : text;
}

/** What is wrong with one value (one item of a list) for `declaration`, or undefined when it is valid. */
function constraintProblem(type: string, declaration: ParameterDeclaration, value: string): string | undefined {
  const numeric = type === 'Number' || type === 'List<Number>';
  if (numeric && (value.trim() === '' || Number.isNaN(Number(value)))) return `must be a number, got '${value}'`;
  const allowed = declaration.AllowedValues;
  if (Array.isArray(allowed) && !allowed.map(String).includes(value)) {
    return `must be one of AllowedValues [${allowed.join(', ')}], got '${value}'`;
  }
  // The pattern must match the whole value.
  if (declaration.AllowedPattern !== undefined && !wholeMatch(String(declaration.AllowedPattern), value)) {
    return `must match pattern ${declaration.AllowedPattern}`;
  }
  if (declaration.MinLength !== undefined && value.length < Number(declaration.MinLength)) {
    return `must contain at least ${declaration.MinLength} characters`;
  }
  if (declaration.MaxLength !== undefined && value.length > Number(declaration.MaxLength)) {
    return `must contain at most ${declaration.MaxLength} characters`;
  }
  if (declaration.MinValue !== undefined && Number(value) < Number(declaration.MinValue)) {
    return `must be a number not less than ${declaration.MinValue}`;
  }
  if (declaration.MaxValue !== undefined && Number(value) > Number(declaration.MaxValue)) {
    return `must be a number not greater than ${declaration.MaxValue}`;
  }
  return undefined;
}

function wholeMatch(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}

function validPattern(pattern: string): boolean {
  try {
    wholeMatch(pattern, '');
    return true;
  } catch {
    return false;
  }
}
