import type { StackStatus } from '@aws-sdk/client-cloudformation';
import type { ReconcileObserver, ResourceEvent } from '../iac/reconcile.js';
import { readStack, type StackRecord } from '../iac/stacks/stackRecord.js';
import type { StackEngine } from '../iac/templates.js';
import type { LoadedTemplate } from '../iac/template.js';
import type { CloudFormationDeps } from './index.js';
import { loadTemplate, parameterList, templateName } from './input.js';
import { changeSetsOf, deleteChangeSets, putChangeSet, type ChangeSetRecord } from './model/changeSets.js';
import { EventLog, ROOT_TYPE } from './model/events.js';
import { updateStackMeta, type StackMeta } from './model/stacks.js';
import { outputsOf } from './views.js';

// A stack's life as CloudFormation runs it: the call answers at once with the stack IN_PROGRESS and its root event
// written; the work runs after, in the templates' queue (one change at a time, file saves included), and leaves
// events as it goes: each resource's from the engine itself (reconcile's observer), the root ones here. A failure
// rolls back as CloudFormation does: a failed create deletes what it made (ROLLBACK_COMPLETE), a failed update
// applies the previous template again (UPDATE_ROLLBACK_COMPLETE). Statuses and reasons: CloudFormation user guide,
// "Stack status codes" and "Monitor the progress of a stack update"; the order as the serverless CLI reads it in
// ../shared/reference/serverless-deploy.md §5.1, §7.2.

export interface Deployment {
  kind: 'CREATE' | 'UPDATE';
  meta: StackMeta;
  templateBody: string;
  loaded: LoadedTemplate;
  parameterValues: Record<string, string>;
  tags: StackMeta['Tags'];
  capabilities: string[];
  clientRequestToken?: string | undefined;
  changeSet?: ChangeSetRecord;
}

const USER_INITIATED = 'User Initiated';

/** The root event of `meta`'s stack. */
const rootEvent = (meta: Pick<StackMeta, 'StackId' | 'StackName'>, status: StackStatus, reason?: string) => ({
  LogicalResourceId: meta.StackName,
  PhysicalResourceId: meta.StackId,
  ResourceType: ROOT_TYPE,
  ResourceStatus: status,
  ...(reason ? { ResourceStatusReason: reason } : {}),
});

const descriptionsOf = (loaded: LoadedTemplate) =>
  Object.fromEntries(Object.entries(loaded.template.Outputs ?? {}).flatMap(([key, o]) => (typeof o.Description === 'string' ? [[key, o.Description]] : [])));

/** CreateStack, UpdateStack, ExecuteChangeSet: the stack marked IN_PROGRESS now, the work queued. */
export async function startDeployment(deps: CloudFormationDeps, deployment: Deployment): Promise<void> {
  const { kind, meta, loaded } = deployment;
  const now = deps.clock.now().toISOString();
  const status: StackStatus = kind === 'CREATE' ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS';
  await updateStackMeta(deps.store, meta.StackId, (m) => {
    if (kind === 'UPDATE') m.LastUpdatedTime = now;
    m.StackStatus = status;
    delete m.StackStatusReason;
    m.TemplateBody = deployment.templateBody;
    m.ParameterValues = deployment.parameterValues;
    m.Parameters = parameterList(loaded, deployment.parameterValues);
    m.Tags = deployment.tags;
    m.Capabilities = deployment.capabilities;
    if (typeof loaded.template.Description === 'string') m.Description = loaded.template.Description;
    else delete m.Description;
  });
  const events = new EventLog(deps.store, meta, () => deps.clock.now(), deployment.clientRequestToken);
  events.add(rootEvent(meta, status, USER_INITIATED));
  await events.flush();
  if (deployment.changeSet) await putChangeSet(deps.store, { ...deployment.changeSet, ExecutionStatus: 'EXECUTE_IN_PROGRESS' });
  void deps.templates().stackJob((engine) => deploy(deps, engine, deployment, events)).catch((error: unknown) => {
    deps.log.error(`CloudFormation: ${meta.StackName}: ${kind} failed unexpectedly`, error);
  });
}

async function deploy(deps: CloudFormationDeps, engine: StackEngine, deployment: Deployment, events: EventLog): Promise<void> {
  const started = performance.now();
  const { kind, meta, loaded } = deployment;
  const tracker = track(meta, events);
  const request = { stackName: meta.StackName, region: meta.Region, stackId: meta.StackId, origin: 'api' as const };
  let final: StackStatus;
  let reason: string | undefined;
  let applied: StackRecord | undefined;
  let template = loaded;
  let values = deployment.parameterValues;
  try {
    const result = await engine.apply({ ...request, loaded, parameters: values, observer: tracker.observer(kind === 'UPDATE' ? 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS' : undefined) });
    applied = result.stack;
    final = kind === 'CREATE' ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = tracker.failed();
    // Without a resource's *_FAILED event the serverless CLI would poll forever (reference §7.2): the root says why.
    if (!failed.length) events.add(rootEvent(meta, kind === 'CREATE' ? 'CREATE_FAILED' : 'UPDATE_FAILED', message));
    const list = failed.length ? failed.join(', ') : meta.StackName;
    if (kind === 'CREATE') {
      reason = `The following resource(s) failed to create: [${list}]. `;
      if (meta.DisableRollback) {
        final = 'CREATE_FAILED';
        applied = await readStack(deps.store, meta.StackName);
      } else {
        ({ final, reason } = await rollBackCreate(deps, engine, meta, tracker, events, `${reason}Rollback requested by user.`));
      }
    } else {
      reason = `The following resource(s) failed to update: [${list}]. `;
      // `meta` is the stack as it was before this update: its template and values are what to go back to.
      template = loadTemplate(meta.StackName, meta.TemplateBody);
      values = meta.ParameterValues;
      ({ final, reason, applied } = await rollBackUpdate(deps, engine, meta, tracker, events, reason, template, values));
    }
  }
  events.add(rootEvent(meta, final, final.endsWith('_FAILED') ? reason : undefined));
  await events.flush();
  const rolledBack = template !== loaded;
  await updateStackMeta(deps.store, meta.StackId, (m) => {
    m.StackStatus = final;
    if (reason) m.StackStatusReason = reason;
    else delete m.StackStatusReason;
    m.Outputs = outputsOf(applied, descriptionsOf(template));
    m.Resources = tracker.states(m.Resources);
    if (rolledBack) {
      m.TemplateBody = meta.TemplateBody;
      m.ParameterValues = values;
      m.Parameters = parameterList(template, values);
    }
  });
  const durationMs = Math.round(performance.now() - started);
  if (deployment.changeSet) {
    const succeeded = final === 'CREATE_COMPLETE' || final === 'UPDATE_COMPLETE';
    // Executing a change set deletes the stack's other change sets (ExecuteChangeSet reference).
    if (succeeded) await deleteChangeSets(deps.store, (await changeSetsOf(deps.store, meta.StackId)).filter((c) => c.ChangeSetName !== deployment.changeSet!.ChangeSetName));
    await putChangeSet(deps.store, { ...deployment.changeSet, ExecutionStatus: succeeded ? 'EXECUTE_COMPLETE' : 'EXECUTE_FAILED', ExecutionDurationMs: durationMs });
  }
  const what = deployment.changeSet ? `change set ${deployment.changeSet.ChangeSetName}` : kind === 'CREATE' ? 'CreateStack' : 'UpdateStack';
  deps.log.info(`${templateName(meta.StackName)}: ${what} done in ${durationMs} ms (${final})`);
}

async function rollBackCreate(deps: CloudFormationDeps, engine: StackEngine, meta: StackMeta, tracker: Tracker, events: EventLog, reason: string) {
  events.add(rootEvent(meta, 'ROLLBACK_IN_PROGRESS', reason));
  await events.flush();
  await updateStackMeta(deps.store, meta.StackId, (m) => {
    m.StackStatus = 'ROLLBACK_IN_PROGRESS';
    m.StackStatusReason = reason;
  });
  try {
    if (await readStack(deps.store, meta.StackName)) {
      await engine.remove({ stackName: meta.StackName, region: meta.Region, file: templateName(meta.StackName), observer: tracker.observer() });
    }
    return { final: 'ROLLBACK_COMPLETE' as StackStatus, reason };
  } catch (error) {
    return { final: 'ROLLBACK_FAILED' as StackStatus, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function rollBackUpdate(
  deps: CloudFormationDeps, engine: StackEngine, meta: StackMeta, tracker: Tracker, events: EventLog, reason: string,
  previous: LoadedTemplate, values: Record<string, string>,
) {
  events.add(rootEvent(meta, 'UPDATE_ROLLBACK_IN_PROGRESS', reason));
  await events.flush();
  await updateStackMeta(deps.store, meta.StackId, (m) => {
    m.StackStatus = 'UPDATE_ROLLBACK_IN_PROGRESS';
    m.StackStatusReason = reason;
  });
  try {
    const result = await engine.apply({
      stackName: meta.StackName, region: meta.Region, origin: 'api', loaded: previous, parameters: values,
      observer: tracker.observer('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'),
    });
    return { final: 'UPDATE_ROLLBACK_COMPLETE' as StackStatus, reason, applied: result.stack };
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    return { final: 'UPDATE_ROLLBACK_FAILED' as StackStatus, reason: failure, applied: await readStack(deps.store, meta.StackName) };
  }
}

/** DeleteStack: DELETE_IN_PROGRESS now (unless another change is running; it then waits its turn), the work queued. */
export async function startDeletion(deps: CloudFormationDeps, meta: StackMeta, clientRequestToken: string | undefined): Promise<void> {
  const events = new EventLog(deps.store, meta, () => deps.clock.now(), clientRequestToken);
  const mark = async () => {
    await updateStackMeta(deps.store, meta.StackId, (m) => {
      m.StackStatus = 'DELETE_IN_PROGRESS';
      delete m.StackStatusReason;
    });
    events.add(rootEvent(meta, 'DELETE_IN_PROGRESS', USER_INITIATED));
    await events.flush();
  };
  const busy = meta.StackStatus.endsWith('_IN_PROGRESS') && meta.StackStatus !== 'REVIEW_IN_PROGRESS';
  if (!busy) await mark();
  void deps.templates().stackJob(async (engine) => {
    if (busy) await mark();
    const tracker = track(meta, events);
    let final: StackStatus = 'DELETE_COMPLETE';
    let reason: string | undefined;
    try {
      if (await readStack(deps.store, meta.StackName)) {
        await engine.remove({ stackName: meta.StackName, region: meta.Region, file: templateName(meta.StackName), observer: tracker.observer() });
      }
    } catch (error) {
      final = 'DELETE_FAILED';
      reason = error instanceof Error ? error.message : String(error);
    }
    events.add(rootEvent(meta, final, reason));
    await events.flush();
    await updateStackMeta(deps.store, meta.StackId, (m) => {
      m.StackStatus = final;
      if (reason) m.StackStatusReason = reason;
      m.Resources = tracker.states(m.Resources);
      if (final === 'DELETE_COMPLETE') {
        m.DeletionTime = deps.clock.now().toISOString();
        m.Outputs = [];
      }
    });
    if (final === 'DELETE_COMPLETE') await deleteChangeSets(deps.store, await changeSetsOf(deps.store, meta.StackId));
  }).catch((error: unknown) => deps.log.error(`CloudFormation: ${meta.StackName}: delete failed unexpectedly`, error));
}

type Tracker = ReturnType<typeof track>;

/** Turns the engine's resource progress into events, and remembers each resource's last status. */
function track(meta: StackMeta, events: EventLog) {
  const latest = new Map<string, { ResourceStatus: string; ResourceStatusReason?: string; Timestamp: string }>();
  const failed: string[] = [];
  const onResource = (e: ResourceEvent) => {
    const record = events.add({
      LogicalResourceId: e.logicalId,
      PhysicalResourceId: e.physicalId,
      ResourceType: e.type,
      ResourceStatus: e.status,
      ...(e.reason ? { ResourceStatusReason: e.reason } : {}),
      ...(e.properties ? { ResourceProperties: JSON.stringify(e.properties) } : {}),
    });
    if (e.status.endsWith('_FAILED')) failed.push(e.logicalId);
    latest.set(e.logicalId, { ResourceStatus: e.status, ...(e.reason ? { ResourceStatusReason: e.reason } : {}), Timestamp: record.Timestamp });
  };
  return {
    /** An observer whose cleanup pass, if `cleanupStatus` is given, starts with that root event. */
    observer(cleanupStatus?: StackStatus): ReconcileObserver {
      return {
        resource: onResource,
        cleanup: () => {
          if (cleanupStatus) events.add(rootEvent(meta, cleanupStatus));
        },
      };
    },
    failed: () => [...new Set(failed)],
    states(previous: StackMeta['Resources']): StackMeta['Resources'] {
      const next = { ...previous };
      for (const [id, state] of latest) {
        if (state.ResourceStatus === 'DELETE_COMPLETE' || state.ResourceStatus === 'DELETE_SKIPPED') delete next[id];
        else next[id] = state;
      }
      return next;
    },
  };
}
