import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { exportState } from '../state/exportState.js';
import { callEmulator, withDataDir } from './stateStore.js';

/**
 * `cogniform export [FILE]`: the state (src/state/format.ts) of a running emulator (`endpoint`) or of a stopped
 * one's data dir, to FILE or stdout.
 */
export async function exportCommand(target: { endpoint: string; dataDir?: string | undefined }, file: string | undefined): Promise<number> {
  let text: string;
  if (target.dataDir) {
    // Opening a LevelDB creates it: exporting a mistyped folder would leave an empty database behind.
    if (!existsSync(target.dataDir)) {
      console.error(`cogniform: export: no data dir at ${target.dataDir}`);
      return 1;
    }
    text = JSON.stringify(await withDataDir(target.dataDir, exportState), null, 2);
  } else {
    const response = await callEmulator(target.endpoint, '/_cogniform/state');
    if (!response) return 1;
    if (!response.ok) {
      console.error(`cogniform: ${target.endpoint} answered ${response.status}: ${await response.text()}`);
      return 1;
    }
    text = JSON.stringify(await response.json(), null, 2);
  }
  if (file) await writeFile(file, `${text}\n`);
  else process.stdout.write(`${text}\n`);
  return 0;
}
