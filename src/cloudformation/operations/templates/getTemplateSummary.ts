import type { GetTemplateSummaryOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { defaultText, loadTemplate, neededCapability, templateText } from '../../input.js';
import { mustFindStack, templateBodyOf } from '../../views.js';

// GetTemplateSummary: a template's parameters (with their types and allowed values), resource types and needed
// capabilities, from TemplateBody / TemplateURL or a stack's template. `aws cloudformation deploy
// --parameter-overrides` calls it to learn which parameters to keep with UsePreviousValue.
export async function GetTemplateSummary(deps: CloudFormationDeps, call: QueryCall): Promise<GetTemplateSummaryOutput> {
  const { StackName } = call.params;
  const text = StackName && !call.params.TemplateBody && !call.params.TemplateURL
    ? await templateBodyOf(await mustFindStack(deps.store, StackName))
    : await templateText(deps, call.params);
  const { template } = loadTemplate(StackName ?? 'template', text);
  const needed = neededCapability({ template, file: '', locate: () => ({ file: '', line: 1, column: 1 }) });
  return {
    Parameters: Object.entries(template.Parameters ?? {}).map(([key, declaration]) => ({
      ParameterKey: key,
      ...(declaration.Default !== undefined ? { DefaultValue: defaultText(declaration.Default) } : {}),
      ParameterType: declaration.Type,
      NoEcho: declaration.NoEcho === true || String(declaration.NoEcho) === 'true',
      ...(declaration.Description !== undefined ? { Description: declaration.Description } : {}),
      ParameterConstraints: Array.isArray(declaration.AllowedValues) ? { AllowedValues: declaration.AllowedValues.map(String) } : {},
    })),
    ...(typeof template.Description === 'string' ? { Description: template.Description } : {}),
    Capabilities: needed ? [needed.capability as 'CAPABILITY_IAM'] : [],
    ...(needed ? { CapabilitiesReason: `The following resource(s) require capabilities: [${needed.types.join(', ')}]` } : {}),
    ResourceTypes: [...new Set(Object.values(template.Resources).map((r) => r.Type))],
    Version: template.AWSTemplateFormatVersion ?? '2010-09-09',
    DeclaredTransforms: template.Transform === undefined ? [] : [template.Transform].flat().map(String),
  };
}
