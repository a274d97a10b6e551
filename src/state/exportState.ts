import { userPools } from '../cognito/model/userPool.js';
import { serverSecrets } from '../cognito/tokens/keys.js';
import type { KeyParts, Store, TableSpec } from '../store/store.js';
import { VERSION } from '../version.js';
import { poolSections, STATE_FORMAT, STATE_TABLES, STATE_VERSION, type PoolScoped, type PoolSection, type PoolState, type StateFile } from './format.js';

const PAGE = 1000;

/** Every record of `spec` under `prefix`, page by page (a pool may hold many users). */
export async function allRecords<T>(store: Store, spec: TableSpec<T>, prefix: KeyParts): Promise<T[]> {
  const table = store.table(spec);
  const found: T[] = [];
  let after: string | undefined;
  do {
    const page = await table.list(prefix, { limit: PAGE, after });
    found.push(...page.items);
    after = page.next;
  } while (after);
  return found;
}

/** The state file of everything in `store` (format.ts says what is in it and what is not). */
export async function exportState(store: Store): Promise<StateFile> {
  const pools: PoolState[] = [];
  for (const pool of await allRecords(store, userPools, [])) {
    const sections = {} as Record<PoolSection, PoolScoped[]>;
    for (const [section, spec] of poolSections()) sections[section] = await allRecords(store, spec, [pool.Id]);
    const signingKeys = await store.table(STATE_TABLES.signingKeys).get([pool.Id]);
    pools.push({ pool, ...(signingKeys ? { signingKeys } : {}), ...sections } as PoolState);
  }
  const refreshTokenKey = (await store.table(serverSecrets).get(['refreshTokenKey']))?.Value;
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    exportedAt: new Date().toISOString(),
    cogniform: VERSION,
    pools,
    stacks: await allRecords(store, STATE_TABLES.stacks, []),
    cloudFormationStacks: await allRecords(store, STATE_TABLES.cloudFormationStacks, []),
    ...(refreshTokenKey ? { refreshTokenKey } : {}),
  };
}
