import type { GetTemplateOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import { stackNotFound } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { findChangeSet } from '../../model/findChangeSet.js';
import { mustFindStack, templateBodyOf } from '../../views.js';

// GetTemplate: the template as it was given (the stack's, or a change set's).
export async function GetTemplate(deps: CloudFormationDeps, call: QueryCall): Promise<GetTemplateOutput> {
  const { StackName, ChangeSetName } = call.params;
  if (ChangeSetName) {
    const changeSet = await findChangeSet(deps.store, ChangeSetName, StackName);
    return { TemplateBody: changeSet.TemplateBody, StagesAvailable: ['Original', 'Processed'] };
  }
  if (!StackName) throw stackNotFound('null');
  return { TemplateBody: await templateBodyOf(await mustFindStack(deps.store, StackName)), StagesAvailable: ['Original', 'Processed'] };
}
