import type { ValidateTemplateOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { defaultText, loadTemplate, neededCapability, templateText } from '../../input.js';

// ValidateTemplate: the template's parameters, description and the capabilities it needs, or "Template format
// error: ..." (osls 4 calls it with the TemplateURL before each update, reference §5.8).
export async function ValidateTemplate(deps: CloudFormationDeps, call: QueryCall): Promise<ValidateTemplateOutput> {
  const loaded = loadTemplate('template', await templateText(deps, call.params));
  const { template } = loaded;
  const needed = neededCapability(loaded);
  return {
    Parameters: Object.entries(template.Parameters ?? {}).map(([key, declaration]) => ({
      ParameterKey: key,
      ...(declaration.Default !== undefined ? { DefaultValue: defaultText(declaration.Default) } : {}),
      NoEcho: declaration.NoEcho === true || String(declaration.NoEcho) === 'true',
      ...(declaration.Description !== undefined ? { Description: declaration.Description } : {}),
    })),
    ...(typeof template.Description === 'string' ? { Description: template.Description } : {}),
    Capabilities: needed ? [needed.capability as 'CAPABILITY_IAM'] : [],
    ...(needed ? { CapabilitiesReason: `The following resource(s) require capabilities: [${needed.types.join(', ')}]` } : {}),
    DeclaredTransforms: template.Transform === undefined ? [] : [template.Transform].flat().map(String),
  };
}
