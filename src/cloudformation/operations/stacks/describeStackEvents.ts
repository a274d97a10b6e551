import type { DescribeStackEventsOutput, StackEvent } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import { validationError } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { eventPage } from '../../model/events.js';
import { mustFindStack } from '../../views.js';

const PAGE = 100;

// DescribeStackEvents: newest first, by name (live stacks only; after a delete the serverless CLI takes "does not
// exist" for DELETE_COMPLETE, reference §5.6) or by StackId; NextToken pages on.
export async function DescribeStackEvents(deps: CloudFormationDeps, call: QueryCall): Promise<DescribeStackEventsOutput> {
  const { meta } = await mustFindStack(deps.store, call.params.StackName);
  let after: string | undefined;
  if (call.params.NextToken) {
    after = Buffer.from(call.params.NextToken, 'base64url').toString('utf8');
    if (!after) throw validationError('Invalid NextToken');
  }
  const { items, next } = await eventPage(deps.store, meta.StackId, after, PAGE);
  const events: StackEvent[] = items.map(({ Seq: _seq, Timestamp, ResourceStatus, ...event }) => ({
    ...event,
    ResourceStatus: ResourceStatus as StackEvent['ResourceStatus'],
    Timestamp: new Date(Timestamp),
  }));
  return { StackEvents: events, ...(next ? { NextToken: Buffer.from(next).toString('base64url') } : {}) };
}
