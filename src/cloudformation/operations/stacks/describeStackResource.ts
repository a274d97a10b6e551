import type { DescribeStackResourceOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import { required, validationError } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { mustFindStack, resourcesOf } from '../../views.js';

// DescribeStackResource: the serverless CLI finds its deployment bucket this way (reference §5.1 row 7).
export async function DescribeStackResource(deps: CloudFormationDeps, call: QueryCall): Promise<DescribeStackResourceOutput> {
  const view = await mustFindStack(deps.store, call.params.StackName);
  const logicalId = required(call.params, 'LogicalResourceId', 'logicalResourceId');
  const resource = resourcesOf(view).find((r) => r.LogicalResourceId === logicalId);
  if (!resource) throw validationError(`Resource ${logicalId} does not exist for stack ${view.meta.StackName}`);
  return { StackResourceDetail: { StackName: view.meta.StackName, StackId: view.meta.StackId, ...resource } };
}
