import type { ListStacksOutput, StackSummary } from '@aws-sdk/client-cloudformation';
import { memberList, type QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { allStacks, page } from '../../views.js';

// ListStacks: every stack of the region, deleted ones included, filtered by StackStatusFilter.
export async function ListStacks(deps: CloudFormationDeps, call: QueryCall): Promise<ListStacksOutput> {
  const filter = new Set(memberList(call.params, 'StackStatusFilter'));
  const views = (await allStacks(deps.store, call.region)).filter((v) => !filter.size || filter.has(v.meta.StackStatus));
  const { items, NextToken } = page(views, call.params.NextToken, 100);
  const summaries: StackSummary[] = items.map(({ meta }) => ({
    StackId: meta.StackId,
    StackName: meta.StackName,
    TemplateDescription: meta.Description,
    CreationTime: new Date(meta.CreationTime),
    LastUpdatedTime: meta.LastUpdatedTime ? new Date(meta.LastUpdatedTime) : undefined,
    DeletionTime: meta.DeletionTime ? new Date(meta.DeletionTime) : undefined,
    StackStatus: meta.StackStatus,
    StackStatusReason: meta.StackStatusReason,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  }));
  return { StackSummaries: summaries, NextToken };
}
