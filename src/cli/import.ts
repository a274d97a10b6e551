import { importState, type ImportReport } from '../state/importState.js';
import { readStateFile } from '../state/stateFile.js';
import { StateFileError } from '../state/format.js';
import { callEmulator, withDataDir } from './stateStore.js';

/**
 * `cogniform import FILE`: writes a state file into a running emulator (`endpoint`) or a stopped one's data dir.
 * All or nothing, and never over existing pools or stacks (src/state/format.ts).
 */
export async function importCommand(target: { endpoint: string; dataDir?: string | undefined }, file: string): Promise<number> {
  let report: ImportReport;
  try {
    const state = await readStateFile(file);
    if (target.dataDir) {
      report = await withDataDir(target.dataDir, (store) => importState(store, state));
    } else {
      const response = await callEmulator(target.endpoint, '/_cogniform/state', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(state),
      });
      if (!response) return 1;
      const answer = (await response.json().catch(() => ({}))) as { message?: string; imported?: ImportReport };
      if (!response.ok || !answer.imported) throw new StateFileError(answer.message ?? `${target.endpoint} answered ${response.status}`);
      report = answer.imported;
    }
  } catch (error) {
    if (!(error instanceof StateFileError)) throw error;
    console.error(`cogniform: import ${file}: ${error.message}`);
    return 1;
  }
  console.log(
    `imported ${file}: ${report.pools} pools, ${report.users} users, ${report.identityPools} identity pools ` +
      `(${report.identities} identities), ${report.stacks} stacks`,
  );
  return 0;
}
