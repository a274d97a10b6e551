import type { DescribeStackResourcesOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import { validationError } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { allStacks, mustFindStack, resourcesOf, type StackView } from '../../views.js';

// DescribeStackResources: a stack's resources by its name, or the stack that holds a physical resource; optionally
// one logical ID.
export async function DescribeStackResources(deps: CloudFormationDeps, call: QueryCall): Promise<DescribeStackResourcesOutput> {
  const { StackName, PhysicalResourceId, LogicalResourceId } = call.params;
  let view: StackView | undefined;
  if (StackName) view = await mustFindStack(deps.store, StackName);
  else if (PhysicalResourceId) {
    view = (await allStacks(deps.store, call.region)).find((v) => resourcesOf(v).some((r) => r.PhysicalResourceId === PhysicalResourceId));
    if (!view) throw validationError(`Stack for ${PhysicalResourceId} does not exist`);
  } else throw validationError('Either StackName or PhysicalResourceId must be specified.');
  const { StackId, StackName: name } = view.meta;
  const resources = resourcesOf(view).filter((r) => !LogicalResourceId || r.LogicalResourceId === LogicalResourceId);
  return {
    StackResources: resources.map(({ LastUpdatedTimestamp, ...r }) => ({ StackName: name, StackId, Timestamp: LastUpdatedTimestamp, ...r })),
  };
}
