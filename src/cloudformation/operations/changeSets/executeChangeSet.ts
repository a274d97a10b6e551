import type { ExecuteChangeSetOutput } from '@aws-sdk/client-cloudformation';
import { QueryError, type QueryCall } from '../../../server/query.js';
import { cannotUpdate, required } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { loadTemplate } from '../../input.js';
import { startDeployment } from '../../lifecycle.js';
import { findChangeSet } from '../../model/findChangeSet.js';
import { findStackMeta, UPDATABLE } from '../../model/stacks.js';
import { stackNotFound } from '../../errors.js';

// ExecuteChangeSet (an empty ExecuteChangeSetResult, which botocore requires): the stack goes CREATE_IN_PROGRESS / UPDATE_IN_PROGRESS before the call answers; the work and
// its events follow in the templates' queue (./lifecycle.ts).
export async function ExecuteChangeSet(deps: CloudFormationDeps, call: QueryCall): Promise<ExecuteChangeSetOutput> {
  const name = required(call.params, 'ChangeSetName', 'changeSetName');
  const changeSet = await findChangeSet(deps.store, name, call.params.StackName);
  if (changeSet.Status !== 'CREATE_COMPLETE' || changeSet.ExecutionStatus !== 'AVAILABLE') {
    throw new QueryError('InvalidChangeSetStatus',
      `ChangeSet [${changeSet.ChangeSetId}] cannot be executed in its current execution status of [${changeSet.ExecutionStatus}]`);
  }
  const meta = await findStackMeta(deps.store, changeSet.StackId);
  if (!meta || meta.StackStatus === 'DELETE_COMPLETE') throw stackNotFound(changeSet.StackName);
  const kind = changeSet.ChangeSetType === 'CREATE' ? 'CREATE' : 'UPDATE';
  if (kind === 'CREATE' ? meta.StackStatus !== 'REVIEW_IN_PROGRESS' : !UPDATABLE.has(meta.StackStatus)) {
    throw cannotUpdate(meta.StackId, meta.StackStatus);
  }
  await startDeployment(deps, {
    kind, meta, templateBody: changeSet.TemplateBody, loaded: loadTemplate(meta.StackName, changeSet.TemplateBody),
    parameterValues: changeSet.ParameterValues, tags: changeSet.Tags, capabilities: changeSet.Capabilities,
    clientRequestToken: call.params.ClientRequestToken, changeSet,
  });
  return {};
}
