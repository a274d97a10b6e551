import type { Clock } from '../cognito/deps.js';
import { userPools } from '../cognito/model/userPool.js';
import { serverSecrets } from '../cognito/tokens/keys.js';
import type { Store } from '../store/store.js';
import { VERSION } from '../version.js';
import { allRecords } from './allRecords.js';
import { poolSections, STATE_FORMAT, STATE_TABLES, STATE_VERSION, type PoolScoped, type PoolSection, type PoolState, type StateFile } from './format.js';
import { exportIdentityPools } from './identityPools.js';

const systemClock: Clock = { now: () => new Date() };

/**
 * The state file of everything in `store` (format.ts says what is in it and what is not). `clock` dates the file
 * and decides which issued credentials are still valid: the emulator's own clock when it exports itself.
 */
export async function exportState(store: Store, clock: Clock = systemClock): Promise<StateFile> {
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
    exportedAt: clock.now().toISOString(),
    cogniform: VERSION,
    pools,
    ...(await exportIdentityPools(store, clock)),
    stacks: await allRecords(store, STATE_TABLES.stacks, []),
    appliedTemplates: await allRecords(store, STATE_TABLES.appliedTemplates, []),
    cloudFormationStacks: await allRecords(store, STATE_TABLES.cloudFormationStacks, []),
    ...(refreshTokenKey ? { refreshTokenKey } : {}),
  };
}
