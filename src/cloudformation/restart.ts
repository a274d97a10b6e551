import type { StackStatus } from '@aws-sdk/client-cloudformation';
import { readStack } from '../iac/stacks/stackRecord.js';
import type { StackEngine } from '../iac/templates.js';
import type { CloudFormationDeps } from './index.js';
import { loadTemplate } from './input.js';
import { conclude, deploy, removeStack, rollBackCreate, rollBackUpdate, type Outcome } from './lifecycle.js';
import { changeSetsOf, putChangeSet } from './model/changeSets.js';
import { EventLog } from './model/events.js';
import { findStackMeta, listStackMetas, type StackMeta } from './model/stacks.js';
import { planChangeSet } from './operations/changeSets/createChangeSet.js';
import { rootEvent, track } from './tracker.js';
import { messageOf } from '../errorMessage.js';

// A crash (SIGKILL, power cut) while a CloudFormation operation ran leaves its stack *_IN_PROGRESS, a status from
// which CloudFormation refuses every change, so the next deploy would fail forever. At the next start, once
// src/iac/recover.ts has finished the engine's cut-off reconcile (so every resource is in a known state), each such
// operation ends as CloudFormation ends one that fails (user guide, "Stack status codes"): a create rolls back and
// deletes what it made (ROLLBACK_COMPLETE; CREATE_FAILED, resources kept, with DisableRollback), an update goes back
// to the template it replaced (UPDATE_ROLLBACK_COMPLETE), a rollback or a delete is finished. An update already in
// its cleanup pass has succeeded (CloudFormation no longer rolls back then), so it is finished (UPDATE_COMPLETE).
// Each gets a root event whose reason says why, so `describe-stack-events` and the serverless CLI's monitor (which
// needs a *_FAILED event to stop polling, ../shared/reference/serverless-deploy.md §7.2) tell what happened.

/** The reason on the root events of an operation ended at start. */
export const RESTARTED = 'cogniform stopped before this operation finished; it was ended when cogniform started again';

const SUCCEEDED = new Set<StackStatus>(['CREATE_COMPLETE', 'UPDATE_COMPLETE']);

/**
 * Ends every operation a crash cut off, each in the templates' queue, and works out the change sets it left
 * pending. Returns one line per stack for the log.
 */
export async function settleInterrupted(deps: CloudFormationDeps): Promise<string[]> {
  const lines: string[] = [];
  for (const meta of await listStackMetas(deps.store)) {
    if (!meta.StackStatus.endsWith('_IN_PROGRESS') || meta.StackStatus === 'REVIEW_IN_PROGRESS') continue;
    const was = `CloudFormation stack ${meta.StackName}: ${meta.StackStatus} when cogniform stopped`;
    try {
      lines.push(`${was}; now ${await deps.templates().stackJob((engine) => settle(deps, engine, meta))}`);
    } catch (error) {
      // The start goes on: the stack stays as it is, and says so.
      lines.push(`${was}; ending the operation failed: ${messageOf(error)}`);
    }
  }
  for (const meta of await listStackMetas(deps.store)) {
    for (const changeSet of await changeSetsOf(deps.store, meta.StackId)) {
      if (changeSet.Status === 'CREATE_PENDING' || changeSet.Status === 'CREATE_IN_PROGRESS') {
        await deps.templates().stackJob(() => planChangeSet(deps, changeSet));
      } else if (changeSet.ExecutionStatus === 'EXECUTE_IN_PROGRESS') {
        // Its execution is the operation just ended (or one that ended before the crash but had not said so here).
        await putChangeSet(deps.store, { ...changeSet, ExecutionStatus: SUCCEEDED.has(meta.StackStatus) ? 'EXECUTE_COMPLETE' : 'EXECUTE_FAILED' });
      }
    }
  }
  return lines;
}

async function settle(deps: CloudFormationDeps, engine: StackEngine, meta: StackMeta): Promise<StackStatus> {
  const events = new EventLog(deps.store, meta, () => deps.clock.now());
  const tracker = track(meta, events);
  const loaded = loadTemplate(meta.StackName, meta.TemplateBody);
  // A record written before updates kept their previous template has none: the rollback keeps the current one.
  const previous = meta.Previous ?? { TemplateBody: meta.TemplateBody, ParameterValues: meta.ParameterValues };
  let outcome: Outcome;
  switch (meta.StackStatus) {
    case 'DELETE_IN_PROGRESS':
      events.add(rootEvent(meta, 'DELETE_IN_PROGRESS', RESTARTED));
      return removeStack(deps, engine, meta, events);
    case 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS':
      events.add(rootEvent(meta, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', RESTARTED));
      await deploy(deps, engine, { kind: 'UPDATE', meta, loaded, parameterValues: meta.ParameterValues, previous }, events);
      return (await findStackMeta(deps.store, meta.StackId))!.StackStatus;
    case 'CREATE_IN_PROGRESS':
      if (meta.DisableRollback) {
        outcome = { final: 'CREATE_FAILED', reason: RESTARTED, applied: await readStack(deps.store, meta.StackName) };
        break;
      }
      events.add(rootEvent(meta, 'CREATE_FAILED', RESTARTED));
      outcome = await rollBackCreate(deps, engine, meta, tracker, events, RESTARTED);
      break;
    case 'ROLLBACK_IN_PROGRESS':
      outcome = await rollBackCreate(deps, engine, meta, tracker, events, RESTARTED);
      break;
    case 'UPDATE_IN_PROGRESS':
      events.add(rootEvent(meta, 'UPDATE_FAILED', RESTARTED));
      outcome = await rollBackUpdate(deps, engine, meta, tracker, events, RESTARTED, previous);
      break;
    default:
      // UPDATE_ROLLBACK_IN_PROGRESS and its cleanup pass: the rollback is finished. (cogniform makes no other
      // *_IN_PROGRESS status: no imports, no stack sets.)
      outcome = await rollBackUpdate(deps, engine, meta, tracker, events, RESTARTED, previous);
  }
  await conclude(deps, meta, events, tracker, outcome, loaded);
  return outcome.final;
}
