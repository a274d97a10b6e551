import { userPools } from '../cognito/model/userPool.js';
import type { Logger } from '../cognito/deps.js';
import { identityPools } from '../cognitoIdentity/model/identityPool.js';
import type { Store, TableSpec } from '../store/store.js';
import { STATE_TABLES } from './format.js';
import { importState, type ImportReport } from './importState.js';
import { readStateFile } from './stateFile.js';

/**
 * `cogniform start --seed FILE`: imports FILE when the store holds no user pool, identity pool or stack (a fresh
 * data dir, or --in-memory: every run then begins from the same users); a store with state keeps it and the seed is
 * skipped, so a persistent data dir is never overwritten. Returns what was imported, or undefined when skipped.
 */
export async function seedState(store: Store, file: string, log: Logger): Promise<ImportReport | undefined> {
  const holds = async <T>(spec: TableSpec<T>) => (await store.table(spec).list([], { limit: 1 })).items.length > 0;
  if ((await holds(userPools)) || (await holds(identityPools)) || (await holds(STATE_TABLES.stacks))) {
    log.info(`seed ${file} skipped: the data dir already holds state (start with a fresh --data-dir or --in-memory to seed)`);
    return undefined;
  }
  const report = await importState(store, await readStateFile(file));
  log.info(
    `seeded from ${file}: ${report.pools} pools, ${report.users} users, ${report.identityPools} identity pools, ` +
      `${report.identities} identities, ${report.stacks} stacks`,
  );
  return report;
}
