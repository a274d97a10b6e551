import { randomUUID } from 'node:crypto';
import type { CreateChangeSetOutput } from '@aws-sdk/client-cloudformation';
import { readStack } from '../../../iac/stacks/stackRecord.js';
import { memberList, type QueryCall } from '../../../server/query.js';
import { changesNothing, plannedChanges } from '../../changes.js';
import { alreadyExists, cannotUpdate, checkName, required, stackNotFound, validationError } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { capabilities, checkCapabilities, loadTemplate, parameterValues, tags, templateText } from '../../input.js';
import { putChangeSet, type ChangeSetRecord } from '../../model/changeSets.js';
import { EventLog, ROOT_TYPE } from '../../model/events.js';
import { lookUpChangeSet } from '../../model/findChangeSet.js';
import { findStackMeta, newStackMeta, putStackMeta, UPDATABLE, type StackMeta } from '../../model/stacks.js';
import { mustBeApiStack, findStack } from '../../views.js';
import { messageOf } from '../../../errorMessage.js';

/** AWS's StatusReason for a change set that would change nothing (observed, reference §7.3). */
export const NO_CHANGES = "The submitted information didn't contain changes. Submit different information to create a change set.";

// CreateChangeSet: answers Id and StackId at once with the change set CREATE_PENDING; its changes are worked out
// after, in the templates' queue (CREATE_COMPLETE / AVAILABLE, or FAILED). A CREATE change set makes the stack
// exist in REVIEW_IN_PROGRESS with no resources (reference §5.1 row 3, §7.3).
export async function CreateChangeSet(deps: CloudFormationDeps, call: QueryCall): Promise<CreateChangeSetOutput> {
  const { params } = call;
  const stackName = checkName(required(params, 'StackName', 'stackName'), 'stackName');
  const name = checkName(required(params, 'ChangeSetName', 'changeSetName'), 'changeSetName');
  const type = params.ChangeSetType || 'UPDATE';
  if (type !== 'CREATE' && type !== 'UPDATE') {
    throw validationError(`1 validation error detected: Value '${type}' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]`);
  }
  const view = await findStack(deps.store, stackName);
  if (view) mustBeApiStack(view);
  const existing = view?.meta;
  if (type === 'CREATE' && existing && existing.StackStatus !== 'REVIEW_IN_PROGRESS') {
    throw alreadyExists(`Stack [${stackName}] already exists and cannot be created again with the changeSet [${name}].`);
  }
  if (type === 'UPDATE') {
    if (!existing) throw validationError(`Stack [${stackName}] does not exist`);
    if (!UPDATABLE.has(existing.StackStatus)) throw cannotUpdate(existing.StackId, existing.StackStatus);
  }
  const text = params.UsePreviousTemplate === 'true' && existing ? existing.TemplateBody : await templateText(deps, params);
  const loaded = loadTemplate(stackName, text);
  const given = capabilities(params);
  checkCapabilities(loaded, given);
  const values = parameterValues(loaded, params, existing?.ParameterValues);
  const meta = existing ?? (await reviewStack(deps, call, stackName, given));
  if (await lookUpChangeSet(deps.store, name, stackName)) throw alreadyExists(`ChangeSet [${name}] already exists`);
  const record: ChangeSetRecord = {
    ChangeSetId: `arn:aws:cloudformation:${meta.Region}:${deps.accountId}:changeSet/${name}/${randomUUID()}`,
    ChangeSetName: name,
    StackId: meta.StackId,
    StackName: stackName,
    ChangeSetType: type,
    Status: 'CREATE_PENDING',
    ExecutionStatus: 'UNAVAILABLE',
    CreationTime: deps.clock.now().toISOString(),
    ...(params.Description ? { Description: params.Description } : {}),
    TemplateBody: text,
    ParameterValues: values,
    Tags: tags(params),
    Capabilities: given,
    NotificationARNs: memberList(params, 'NotificationARNs'),
    Changes: [],
    ...(params.ClientRequestToken ? { ClientRequestToken: params.ClientRequestToken } : {}),
  };
  await putChangeSet(deps.store, record);
  void deps.templates().stackJob(() => planChangeSet(deps, record, loaded))
    .catch((error: unknown) => deps.log.error(`CloudFormation: change set ${name} failed unexpectedly`, error));
  return { Id: record.ChangeSetId, StackId: meta.StackId };
}

/**
 * A CREATE_PENDING change set's changes worked out (CREATE_COMPLETE / AVAILABLE, or FAILED), in the templates'
 * queue; also what the next start does for one a crash left pending (../../restart.ts).
 */
export async function planChangeSet(
  deps: CloudFormationDeps, record: ChangeSetRecord, loaded = loadTemplate(record.StackName, record.TemplateBody),
): Promise<void> {
  try {
    // The stack as it is when the job runs: a change executed meanwhile is what this one is compared with.
    const current = await findStackMeta(deps.store, record.StackId);
    if (!current) throw stackNotFound(record.StackName);
    const changes = await plannedChanges(deps, current, loaded, record.ParameterValues);
    const nothing = record.ChangeSetType === 'UPDATE' && changesNothing(current, loaded, record.ParameterValues, changes);
    await putChangeSet(deps.store, nothing
      ? { ...record, Status: 'FAILED', StatusReason: NO_CHANGES }
      : { ...record, Status: 'CREATE_COMPLETE', ExecutionStatus: 'AVAILABLE', Changes: changes });
  } catch (error) {
    await putChangeSet(deps.store, { ...record, Status: 'FAILED', StatusReason: messageOf(error) });
  }
}

/** The stack a CREATE change set makes: REVIEW_IN_PROGRESS, no resources, until the change set is executed. */
async function reviewStack(deps: CloudFormationDeps, call: QueryCall, stackName: string, given: string[]): Promise<StackMeta> {
  if (await readStack(deps.store, stackName)) throw alreadyExists(`Stack [${stackName}] already exists`);
  const meta = newStackMeta({
    StackName: stackName,
    Region: call.region,
    StackStatus: 'REVIEW_IN_PROGRESS',
    Tags: tags(call.params),
    Capabilities: given,
    NotificationARNs: memberList(call.params, 'NotificationARNs'),
    DisableRollback: false,
    CreationTime: deps.clock.now().toISOString(),
    accountId: deps.accountId,
    id: randomUUID(),
  });
  await putStackMeta(deps.store, meta);
  const events = new EventLog(deps.store, meta, () => deps.clock.now(), call.params.ClientRequestToken);
  events.add({ LogicalResourceId: stackName, PhysicalResourceId: meta.StackId, ResourceType: ROOT_TYPE, ResourceStatus: 'REVIEW_IN_PROGRESS', ResourceStatusReason: 'User Initiated' });
  await events.flush();
  return meta;
}
