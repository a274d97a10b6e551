import type { DescribeStacksOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { allStacks, mustFindStack, page, stackToApi } from '../../views.js';

// DescribeStacks: one stack by name (live only: a deleted or missing one is "Stack with id X does not exist", which
// the serverless CLI takes for "first deploy", reference §5.1 row 2) or by StackId (a deleted one answers
// DELETE_COMPLETE); without a name, the region's live stacks.
export async function DescribeStacks(deps: CloudFormationDeps, call: QueryCall): Promise<DescribeStacksOutput> {
  const { StackName, NextToken } = call.params;
  if (StackName) return { Stacks: [stackToApi((await mustFindStack(deps.store, StackName)).meta)] };
  const live = (await allStacks(deps.store, call.region)).filter((v) => v.meta.StackStatus !== 'DELETE_COMPLETE');
  const { items, NextToken: next } = page(live, NextToken, 100);
  return { Stacks: items.map((v) => stackToApi(v.meta)), NextToken: next };
}
