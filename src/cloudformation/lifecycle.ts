import type { StackStatus } from '@aws-sdk/client-cloudformation';
import { readStack, type StackRecord } from '../iac/stacks/stackRecord.js';
import type { StackEngine } from '../iac/templates.js';
import type { LoadedTemplate } from '../iac/template.js';
import type { CloudFormationDeps } from './index.js';
import { loadTemplate, parameterList, templateName } from './input.js';
import { changeSetsOf, deleteChangeSets, putChangeSet, type ChangeSetRecord } from './model/changeSets.js';
import { EventLog } from './model/events.js';
import { updateStackMeta, type StackMeta } from './model/stacks.js';
import { rootEvent, track, type Tracker } from './tracker.js';
import { outputsOf } from './views.js';
import { messageOf } from '../errorMessage.js';

// A stack's life as CloudFormation runs it: the call answers at once with the stack IN_PROGRESS and its root event
// written; the work runs after, in the templates' queue (one change at a time, file saves included), and leaves
// events as it goes: each resource's from the engine itself (reconcile's observer), the root ones here. A failure
// rolls back as CloudFormation does: a failed create deletes what it made (ROLLBACK_COMPLETE), a failed update
// applies the previous template again (UPDATE_ROLLBACK_COMPLETE). Statuses and reasons: CloudFormation user guide,
// "Stack status codes" and "Monitor the progress of a stack update"; the order as the serverless CLI reads it in
// ../shared/reference/serverless-deploy.md §5.1, §7.2. An operation a crash cut off is ended by ./restart.ts.

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

/** The template and values a stack goes back to when an update fails. */
export type Previous = NonNullable<StackMeta['Previous']>;

/** How an operation ended; `restored` when the stack went back to its previous template. */
export interface Outcome {
  final: StackStatus;
  reason?: string | undefined;
  applied: StackRecord | undefined;
  restored?: Previous;
}

const USER_INITIATED = 'User Initiated';


const descriptionsOf = (loaded: LoadedTemplate) =>
  Object.fromEntries(Object.entries(loaded.template.Outputs ?? {}).flatMap(([key, o]) => (typeof o.Description === 'string' ? [[key, o.Description]] : [])));

/** CreateStack, UpdateStack, ExecuteChangeSet: the stack marked IN_PROGRESS now, the work queued. */
export async function startDeployment(deps: CloudFormationDeps, deployment: Deployment): Promise<void> {
  const { kind, meta, loaded } = deployment;
  const now = deps.clock.now().toISOString();
  const status: StackStatus = kind === 'CREATE' ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS';
  // `meta` is the stack as it was before this update: its template and values are what a rollback goes back to (kept
  // on the stack too, so that a start after a crash can roll back to them).
  const previous = { TemplateBody: meta.TemplateBody, ParameterValues: meta.ParameterValues };
  await updateStackMeta(deps.store, meta.StackId, (m) => {
    if (kind === 'UPDATE') {
      m.LastUpdatedTime = now;
      m.Previous = previous;
    }
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
  void deps.templates().stackJob((engine) => deploy(deps, engine, { ...deployment, previous }, events)).catch((error: unknown) => {
    deps.log.error(`CloudFormation: ${meta.StackName}: ${kind} failed unexpectedly`, error);
  });
}

/** A template applied to an API stack, and what the stack goes back to if that fails. */
export type Run = Pick<Deployment, 'kind' | 'meta' | 'loaded' | 'parameterValues' | 'changeSet'> & { previous: Previous };

/** Applies the run's template; a failure rolls back. Ends with the stack's final status and events. */
export async function deploy(deps: CloudFormationDeps, engine: StackEngine, run: Run, events: EventLog): Promise<void> {
  const started = performance.now();
  const { kind, meta, loaded } = run;
  const tracker = track(meta, events);
  const request = { stackName: meta.StackName, region: meta.Region, stackId: meta.StackId, origin: 'api' as const };
  let outcome: Outcome;
  try {
    const result = await engine.apply({ ...request, loaded, parameters: run.parameterValues, observer: tracker.observer(kind === 'UPDATE' ? 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS' : undefined) });
    outcome = { final: kind === 'CREATE' ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE', applied: result.stack };
  } catch (error) {
    const failed = tracker.failed();
    // Without a resource's *_FAILED event the serverless CLI would poll forever (reference §7.2): the root says why.
    if (!failed.length) events.add(rootEvent(meta, kind === 'CREATE' ? 'CREATE_FAILED' : 'UPDATE_FAILED', messageOf(error)));
    const list = failed.length ? failed.join(', ') : meta.StackName;
    if (kind === 'UPDATE') {
      outcome = await rollBackUpdate(deps, engine, meta, tracker, events, `The following resource(s) failed to update: [${list}]. `, run.previous);
    } else {
      const reason = `The following resource(s) failed to create: [${list}]. `;
      outcome = meta.DisableRollback
        ? { final: 'CREATE_FAILED', reason, applied: await readStack(deps.store, meta.StackName) }
        : await rollBackCreate(deps, engine, meta, tracker, events, `${reason}Rollback requested by user.`);
    }
  }
  await conclude(deps, meta, events, tracker, outcome, loaded);
  const { final } = outcome;
  const durationMs = Math.round(performance.now() - started);
  if (run.changeSet) {
    const succeeded = final === 'CREATE_COMPLETE' || final === 'UPDATE_COMPLETE';
    // Executing a change set deletes the stack's other change sets (ExecuteChangeSet reference).
    if (succeeded) await deleteChangeSets(deps.store, (await changeSetsOf(deps.store, meta.StackId)).filter((c) => c.ChangeSetName !== run.changeSet!.ChangeSetName));
    await putChangeSet(deps.store, { ...run.changeSet, ExecutionStatus: succeeded ? 'EXECUTE_COMPLETE' : 'EXECUTE_FAILED', ExecutionDurationMs: durationMs });
  }
  const what = run.changeSet ? `change set ${run.changeSet.ChangeSetName}` : kind === 'CREATE' ? 'CreateStack' : 'UpdateStack';
  deps.log.info(`${templateName(meta.StackName)}: ${what} done in ${durationMs} ms (${final})`);
}

/** The final root event, and the stack's record as the operation left it (`loaded`: the template it applied). */
export async function conclude(deps: CloudFormationDeps, meta: StackMeta, events: EventLog, tracker: Tracker, outcome: Outcome, loaded: LoadedTemplate): Promise<void> {
  const { final, reason, applied, restored } = outcome;
  events.add(rootEvent(meta, final, final.endsWith('_FAILED') ? reason : undefined));
  await events.flush();
  const runs = restored ? loadTemplate(meta.StackName, restored.TemplateBody) : loaded;
  await updateStackMeta(deps.store, meta.StackId, (m) => {
    m.StackStatus = final;
    if (reason) m.StackStatusReason = reason;
    else delete m.StackStatusReason;
    m.Outputs = outputsOf(applied, descriptionsOf(runs));
    m.Resources = tracker.states(m.Resources);
    if (restored) {
      m.TemplateBody = restored.TemplateBody;
      m.ParameterValues = restored.ParameterValues;
      m.Parameters = parameterList(runs, restored.ParameterValues);
    }
    delete m.Previous;
  });
}

/** A failed create: what it made is deleted (ROLLBACK_COMPLETE, or ROLLBACK_FAILED when a delete fails). */
export async function rollBackCreate(deps: CloudFormationDeps, engine: StackEngine, meta: StackMeta, tracker: Tracker, events: EventLog, reason: string): Promise<Outcome> {
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
    return { final: 'ROLLBACK_COMPLETE', reason, applied: undefined };
  } catch (error) {
    return { final: 'ROLLBACK_FAILED', reason: messageOf(error), applied: await readStack(deps.store, meta.StackName) };
  }
}

/** A failed update: the previous template applied again (UPDATE_ROLLBACK_COMPLETE, or UPDATE_ROLLBACK_FAILED). */
export async function rollBackUpdate(
  deps: CloudFormationDeps, engine: StackEngine, meta: StackMeta, tracker: Tracker, events: EventLog, reason: string, previous: Previous,
): Promise<Outcome> {
  events.add(rootEvent(meta, 'UPDATE_ROLLBACK_IN_PROGRESS', reason));
  await events.flush();
  await updateStackMeta(deps.store, meta.StackId, (m) => {
    m.StackStatus = 'UPDATE_ROLLBACK_IN_PROGRESS';
    m.StackStatusReason = reason;
  });
  try {
    const result = await engine.apply({
      stackName: meta.StackName, region: meta.Region, origin: 'api', loaded: loadTemplate(meta.StackName, previous.TemplateBody),
      parameters: previous.ParameterValues, observer: tracker.observer('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'),
    });
    return { final: 'UPDATE_ROLLBACK_COMPLETE', reason, applied: result.stack, restored: previous };
  } catch (error) {
    return { final: 'UPDATE_ROLLBACK_FAILED', reason: messageOf(error), applied: await readStack(deps.store, meta.StackName), restored: previous };
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
    await removeStack(deps, engine, meta, events);
  }).catch((error: unknown) => deps.log.error(`CloudFormation: ${meta.StackName}: delete failed unexpectedly`, error));
}

/** Deletes every resource of a stack marked DELETE_IN_PROGRESS: DELETE_COMPLETE, or DELETE_FAILED with the reason. */
export async function removeStack(deps: CloudFormationDeps, engine: StackEngine, meta: StackMeta, events: EventLog): Promise<StackStatus> {
  const tracker = track(meta, events);
  let final: StackStatus = 'DELETE_COMPLETE';
  let reason: string | undefined;
  try {
    if (await readStack(deps.store, meta.StackName)) {
      await engine.remove({ stackName: meta.StackName, region: meta.Region, file: templateName(meta.StackName), observer: tracker.observer() });
    }
  } catch (error) {
    final = 'DELETE_FAILED';
    reason = messageOf(error);
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
  return final;
}
