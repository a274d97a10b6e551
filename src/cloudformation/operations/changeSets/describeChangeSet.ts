import type { DescribeChangeSetOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import { required } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { loadTemplate, parameterList } from '../../input.js';
import { findChangeSet } from '../../model/findChangeSet.js';

// DescribeChangeSet: polled by the serverless CLI until Status leaves CREATE_PENDING / CREATE_IN_PROGRESS; it reads
// StackId, Status, StatusReason and Changes (reference §5.1 row 4).
export async function DescribeChangeSet(deps: CloudFormationDeps, call: QueryCall): Promise<DescribeChangeSetOutput> {
  const name = required(call.params, 'ChangeSetName', 'changeSetName');
  const c = await findChangeSet(deps.store, name, call.params.StackName);
  return {
    ChangeSetName: c.ChangeSetName,
    ChangeSetId: c.ChangeSetId,
    StackId: c.StackId,
    StackName: c.StackName,
    Description: c.Description,
    Parameters: parameterList(loadTemplate(c.StackName, c.TemplateBody), c.ParameterValues),
    CreationTime: new Date(c.CreationTime),
    ExecutionStatus: c.ExecutionStatus,
    Status: c.Status,
    StatusReason: c.StatusReason,
    NotificationARNs: c.NotificationARNs,
    RollbackConfiguration: {},
    Capabilities: c.Capabilities as DescribeChangeSetOutput['Capabilities'],
    Tags: c.Tags,
    Changes: c.Changes,
    IncludeNestedStacks: false,
  };
}
