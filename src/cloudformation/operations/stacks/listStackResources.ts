import type { ListStackResourcesOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { mustFindStack, page, resourcesOf } from '../../views.js';

// ListStackResources: `sls info` counts the resources this way (reference §5.5), NextToken paging.
export async function ListStackResources(deps: CloudFormationDeps, call: QueryCall): Promise<ListStackResourcesOutput> {
  const view = await mustFindStack(deps.store, call.params.StackName);
  const { items, NextToken } = page(resourcesOf(view), call.params.NextToken, 100);
  return { StackResourceSummaries: items, NextToken };
}
