import type { Parameter, Tag } from '@aws-sdk/client-cloudformation';
import { loadCloudFormation } from '../iac/load/cloudformation.js';
import { resolveParameters } from '../iac/intrinsics/index.js';
import { TemplateError, type LoadedTemplate } from '../iac/template.js';
import { memberList, memberStructs, type QueryParams } from '../server/query.js';
import type { CloudFormationDeps } from './index.js';
import { QueryError } from '../server/query.js';
import { validationError } from './errors.js';
import { templateUrlLocation } from './templateUrl.js';
import { messageOf } from '../errorMessage.js';

// What CreateStack, UpdateStack, CreateChangeSet and ValidateTemplate are given: the template (inline or by URL),
// parameter values, tags and capabilities, checked as CloudFormation checks them before it starts any work.

/** How the stack's template is named in messages and the log: it has no file. */
export const templateName = (stackName: string) => `${stackName} (CloudFormation API)`;

/** TemplateBody, or the object TemplateURL names in the local S3. */
export async function templateText(deps: Pick<CloudFormationDeps, 's3'>, params: QueryParams): Promise<string> {
  const body = params.TemplateBody;
  const url = params.TemplateURL;
  if (body && url) throw validationError('Specify exactly one of TemplateBody or TemplateUrl.');
  if (body) return body;
  if (!url) throw validationError('Either Template URL or Template Body must be specified.');
  const location = templateUrlLocation(url);
  if (!location) throw validationError('TemplateURL must be an Amazon S3 URL.');
  const object = await deps.s3.getObject(location.bucket, location.key);
  if (!object) throw validationError('TemplateURL must reference a valid S3 object to which you have access.');
  return object.body.toString('utf8');
}

/** The template loaded; a malformed one is AWS's "Template format error" (with where it is, which AWS does not say). */
export function loadTemplate(stackName: string, text: string): LoadedTemplate {
  try {
    return loadCloudFormation(templateName(stackName), text);
  } catch (error) {
    throw formatError(error);
  }
}

export function formatError(error: unknown): QueryError {
  const message = messageOf(error);
  if (!(error instanceof TemplateError)) return validationError(`Template format error: ${message}`);
  const at = message.indexOf('Template format error:');
  return validationError(at >= 0 ? message.slice(at) : `Template format error: ${error.reason} (${error.location.line}:${error.location.column})`);
}

/**
 * `Parameters.member.N.{ParameterKey, ParameterValue, UsePreviousValue}` as the values to apply: UsePreviousValue
 * takes the stack's current one; a key the template does not declare is refused, and so is a value that breaks a
 * declared constraint or a parameter left without one.
 */
export function parameterValues(loaded: LoadedTemplate, params: QueryParams, previous: Record<string, string> = {}): Record<string, string> {
  const declared = loaded.template.Parameters ?? {};
  const values: Record<string, string> = {};
  const unknown: string[] = [];
  for (const member of memberStructs(params, 'Parameters')) {
    const key = member.ParameterKey ?? '';
    if (!Object.hasOwn(declared, key)) unknown.push(key);
    else if (member.UsePreviousValue === 'true') {
      if (previous[key] === undefined) throw validationError(`Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`);
      values[key] = previous[key];
    } else if (member.ParameterValue !== undefined) values[key] = member.ParameterValue;
  }
  if (unknown.length) throw validationError(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const missing = Object.entries(declared).filter(([key, declaration]) => values[key] === undefined && declaration?.Default === undefined);
  if (missing.length) throw validationError(`Parameters: [${missing.map(([key]) => key).join(', ')}] must have values`);
  try {
    resolveParameters(loaded, values);
  } catch (error) {
    throw validationError(error instanceof TemplateError ? error.reason.replace(/^Parameters\.[^:]*: /, '') : String(error));
  }
  // Defaults filled in: a later UsePreviousValue keeps the value the stack has, whether given or defaulted.
  for (const [key, declaration] of Object.entries(declared)) values[key] ??= defaultText(declaration.Default);
  return values;
}

export const defaultText = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value));

/** Every declared parameter with its value, as DescribeStacks and DescribeChangeSet list them. */
export function parameterList(loaded: LoadedTemplate, values: Record<string, string>): Parameter[] {
  return Object.entries(loaded.template.Parameters ?? {}).map(([key, declaration]) => {
    const value = values[key] ?? defaultText(declaration.Default);
    // NoEcho values are masked in every answer (Parameters section reference).
    return { ParameterKey: key, ParameterValue: declaration.NoEcho === true || String(declaration.NoEcho) === 'true' ? '****' : value };
  });
}

export function tags(params: QueryParams): Tag[] {
  return memberStructs(params, 'Tags').map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
}

export const capabilities = (params: QueryParams) => memberList(params, 'Capabilities');

// IAM resources need CAPABILITY_IAM, and CAPABILITY_NAMED_IAM when they have a custom name ("Acknowledging IAM
// resources in CloudFormation templates", CloudFormation user guide).
const IAM_NAMES: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName', 'AWS::IAM::User': 'UserName', 'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName', 'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::Policy': '', 'AWS::IAM::AccessKey': '', 'AWS::IAM::UserToGroupAddition': '',
};

/** The capability the template needs, and the resource types that need it (ValidateTemplate's CapabilitiesReason). */
export function neededCapability(loaded: LoadedTemplate): { capability: string; types: string[] } | undefined {
  const iam = Object.values(loaded.template.Resources).filter((r) => Object.hasOwn(IAM_NAMES, r.Type));
  if (!iam.length) return undefined;
  const named = iam.some((r) => IAM_NAMES[r.Type] && r.Properties?.[IAM_NAMES[r.Type]!] !== undefined);
  return { capability: named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM', types: [...new Set(iam.map((r) => r.Type))] };
}

/** InsufficientCapabilitiesException unless the call acknowledges what the template needs (wording as AWS's). */
export function checkCapabilities(loaded: LoadedTemplate, given: string[]): void {
  const needed = neededCapability(loaded);
  if (!needed) return;
  const enough = needed.capability === 'CAPABILITY_NAMED_IAM' ? given.includes('CAPABILITY_NAMED_IAM') : given.some((c) => c === 'CAPABILITY_IAM' || c === 'CAPABILITY_NAMED_IAM');
  if (!enough) throw new QueryError('InsufficientCapabilitiesException', `Requires capabilities : [${needed.capability}]`);
}
