import type { ListChangeSetsOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { changeSetsOf } from '../../model/changeSets.js';
import { mustFindStack, page } from '../../views.js';

export async function ListChangeSets(deps: CloudFormationDeps, call: QueryCall): Promise<ListChangeSetsOutput> {
  const { meta } = await mustFindStack(deps.store, call.params.StackName);
  const { items, NextToken } = page(await changeSetsOf(deps.store, meta.StackId), call.params.NextToken, 100);
  return {
    Summaries: items.map((c) => ({
      StackId: c.StackId,
      StackName: c.StackName,
      ChangeSetId: c.ChangeSetId,
      ChangeSetName: c.ChangeSetName,
      ExecutionStatus: c.ExecutionStatus,
      Status: c.Status,
      StatusReason: c.StatusReason,
      CreationTime: new Date(c.CreationTime),
      Description: c.Description,
      IncludeNestedStacks: false,
    })),
    NextToken,
  };
}
