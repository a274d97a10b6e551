import type { DeleteChangeSetOutput } from '@aws-sdk/client-cloudformation';
import { QueryError, type QueryCall } from '../../../server/query.js';
import { required } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { deleteChangeSets } from '../../model/changeSets.js';
import { lookUpChangeSet } from '../../model/findChangeSet.js';

// DeleteChangeSet (an empty DeleteChangeSetResult, as for ExecuteChangeSet): a change set that does not exist is no error, as the serverless CLI relies on before every
// deploy ("ensure the previous one is removed", reference §5.1 row 14).
export async function DeleteChangeSet(deps: CloudFormationDeps, call: QueryCall): Promise<DeleteChangeSetOutput> {
  const name = required(call.params, 'ChangeSetName', 'changeSetName');
  const changeSet = await lookUpChangeSet(deps.store, name, call.params.StackName);
  if (!changeSet) return {};
  if (changeSet.ExecutionStatus === 'EXECUTE_IN_PROGRESS') {
    throw new QueryError('InvalidChangeSetStatus', `Cannot delete ChangeSet [${changeSet.ChangeSetId}] in its current execution status of [EXECUTE_IN_PROGRESS]`);
  }
  await deleteChangeSets(deps.store, [changeSet]);
  return {};
}
