import type { QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { startDeletion } from '../../lifecycle.js';
import { findStack, mustBeApiStack } from '../../views.js';

// DeleteStack: no error for a stack that does not exist or is already gone (DeleteStack reference); the serverless
// CLI then polls DescribeStackEvents by name until "does not exist" (reference §5.6).
export async function DeleteStack(deps: CloudFormationDeps, call: QueryCall): Promise<undefined> {
  const view = call.params.StackName ? await findStack(deps.store, call.params.StackName) : undefined;
  if (!view) return undefined;
  mustBeApiStack(view);
  const status = view.meta.StackStatus;
  if (status === 'DELETE_COMPLETE' || status === 'DELETE_IN_PROGRESS') return undefined;
  await startDeletion(deps, view.meta, call.params.ClientRequestToken);
  return undefined;
}
