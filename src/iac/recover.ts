import { reconcile, type ReconcileDeps } from './reconcile.js';
import { reconcileJournal } from './stacks/journal.js';
import { unlocated } from './template.js';
import { messageOf } from '../errorMessage.js';

// Finishing what a crash cut off: a reconcile journals its request before its first change (./stacks/journal.ts) and
// drops the journal when it ends, so a journal found at start is a reconcile that never ended.

/**
 * At start, before any reconcile: every reconcile a crash cut off (its journal is still there) runs again with the
 * same template and parameters, which removes what it had half made and finishes the work, whether its stack came
 * from a file, `cogniform deploy` or the CloudFormation API. Returns one line per stack for the log.
 */
export async function recoverInterrupted(deps: ReconcileDeps): Promise<string[]> {
  const lines: string[] = [];
  const { items } = await deps.store.table(reconcileJournal).list([], { limit: 10_000 });
  for (const journal of items) {
    const { Stack: stackName, File: file, Template: template, Parameters: parameters, Region: region, StackId: stackId, Origin: origin } = journal;
    // A rollback cut off is finished as a rollback: the stack ends UPDATE_ROLLBACK_COMPLETE with the error it rolled back from.
    const what = journal.RollingBack !== undefined ? 'its rollback to the last good template' : 'its last reconcile';
    try {
      await reconcile(deps, {
        loaded: unlocated(file, template), stackName, region, parameters, stackId,
        ...(origin ? { origin } : {}),
        ...(journal.RollBack ? { rollBack: true } : {}),
        ...(journal.RollingBack !== undefined ? { rollingBack: journal.RollingBack } : {}),
      });
      lines.push(`stack ${stackName}: ${what} was cut off (cogniform stopped); finished it`);
    } catch (error) {
      lines.push(`stack ${stackName}: ${what} was cut off (cogniform stopped); running it again failed: ${messageOf(error)}`);
    }
  }
  return lines;
}
