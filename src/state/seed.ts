import { userPools } from '../cognito/model/userPool.js';
import type { Logger } from '../cognito/deps.js';
import type { Store } from '../store/store.js';
import { STATE_TABLES } from './format.js';
import { importState, type ImportReport } from './importState.js';
import { readStateFile } from './stateFile.js';

/**
 * `cogniform start --seed FILE`: imports FILE when the store holds no pool and no stack (a fresh data dir, or
 * --in-memory: every run then begins from the same users); a store with state keeps it and the seed is skipped,
 * so a persistent data dir is never overwritten. Returns what was imported, or undefined when skipped.
 */
export async function seedState(store: Store, file: string, log: Logger): Promise<ImportReport | undefined> {
  const [pool] = (await store.table(userPools).list([], { limit: 1 })).items;
  const [stack] = (await store.table(STATE_TABLES.stacks).list([], { limit: 1 })).items;
  if (pool || stack) {
    log.info(`seed ${file} skipped: the data dir already holds state (start with a fresh --data-dir or --in-memory to seed)`);
    return undefined;
  }
  const report = await importState(store, await readStateFile(file));
  log.info(`seeded from ${file}: ${report.pools} pools, ${report.users} users, ${report.stacks} stacks`);
  return report;
}
