import { isDeepStrictEqual } from 'node:util';
import type { Change } from '@aws-sdk/client-cloudformation';
import { preview } from '../iac/preview.js';
import type { LoadedTemplate } from '../iac/template.js';
import type { CloudFormationDeps } from './index.js';
import { loadTemplate } from './input.js';
import type { StackMeta } from './model/stacks.js';

// What applying a template to a stack would change, as change sets list it (ResourceChange), and whether there is
// anything to do at all: a template and parameters that change nothing give "No updates are to be performed."
// (UpdateStack) or a FAILED change set (CreateChangeSet), as AWS does.

export async function plannedChanges(
  deps: Pick<CloudFormationDeps, 'store' | 'accountId'>, meta: StackMeta, loaded: LoadedTemplate, values: Record<string, string>,
): Promise<Change[]> {
  const planned = await preview(deps, { loaded, stackName: meta.StackName, region: meta.Region, stackId: meta.StackId, parameters: values });
  return planned.map((change) => ({
    Type: 'Resource',
    ResourceChange: {
      Action: change.action,
      LogicalResourceId: change.logicalId,
      ...(change.physicalId ? { PhysicalResourceId: change.physicalId } : {}),
      ResourceType: change.type,
      ...(change.replacement ? { Replacement: change.replacement } : {}),
      Scope: change.action === 'Modify' ? ['Properties'] : [],
      Details: [],
    },
  }));
}

/** No resource changes, and the outputs, description and parameter values are what the stack has now. */
export function changesNothing(meta: StackMeta, loaded: LoadedTemplate, values: Record<string, string>, changes: Change[]): boolean {
  if (changes.length || !meta.TemplateBody) return false;
  const current = loadTemplate(meta.StackName, meta.TemplateBody).template;
  return isDeepStrictEqual(current.Outputs ?? {}, loaded.template.Outputs ?? {})
    && current.Description === loaded.template.Description
    && isDeepStrictEqual(meta.ParameterValues, values);
}
