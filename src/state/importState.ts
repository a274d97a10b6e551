import { userPoolClients } from '../cognito/model/client.js';
import { userPoolDomains } from '../cognito/model/domain.js';
import { poolStats, userPools } from '../cognito/model/userPool.js';
import { serverSecrets } from '../cognito/tokens/keys.js';
import type { Store, TableSpec, Transaction } from '../store/store.js';
import { poolSections, STATE_TABLES, StateFileError, validateState, type StateFile } from './format.js';
import { identityPoolClashes, importIdentityPools } from './identityPools.js';

export interface ImportReport {
  pools: number;
  users: number;
  identityPools: number;
  identities: number;
  stacks: number;
}

/**
 * Writes a state file into `store`: checked whole first (shape, then clashes with what the store holds), then
 * written in one transaction, so a bad file leaves the store as it was. Never replaces anything (format.ts).
 */
export async function importState(store: Store, given: unknown): Promise<ImportReport> {
  const file = validateState(given);
  await refuseClashes(store, file);
  return store.transact('cogniform-state-import', async (tx) => {
    let userCount = 0;
    for (const state of file.pools) {
      await tx.put(store.table(userPools), state.pool);
      if (state.signingKeys) await tx.put(store.table(STATE_TABLES.signingKeys), state.signingKeys);
      for (const [section, spec] of poolSections()) {
        await putAll(tx, store, spec, state[section]);
      }
      // The count DescribeUserPool shows is kept beside the pool, not in the file.
      await tx.put(store.table(poolStats), { UserPoolId: state.pool.Id, users: state.users.length });
      userCount += state.users.length;
    }
    const identities = await importIdentityPools(tx, store, file);
    await putAll(tx, store, STATE_TABLES.stacks, file.stacks);
    await putAll(tx, store, STATE_TABLES.appliedTemplates, file.appliedTemplates ?? []);
    await putAll(tx, store, STATE_TABLES.cloudFormationStacks, file.cloudFormationStacks);
    const secrets = store.table(serverSecrets);
    if (file.refreshTokenKey && !(await tx.get(secrets, ['refreshTokenKey']))) {
      await tx.put(secrets, { Name: 'refreshTokenKey', Value: file.refreshTokenKey });
    }
    return { pools: file.pools.length, users: userCount, ...identities, stacks: file.stacks.length };
  });
}

async function putAll<T>(tx: Transaction, store: Store, spec: TableSpec<T>, records: T[]): Promise<void> {
  const table = store.table(spec);
  for (const record of records) await tx.put(table, record);
}

/** What the file would overwrite or duplicate, named; ids that are unique across pools (clients, domains) too. */
async function refuseClashes(store: Store, file: StateFile): Promise<void> {
  const clashes: string[] = [];
  const seen = new Set<string>();
  const once = (what: string) => (seen.has(what) ? clashes.push(`${what} is listed twice in the file`) : seen.add(what));
  for (const { pool, clients, domains, users: people } of file.pools) {
    once(`pool ${pool.Id}`);
    if (await store.table(userPools).get([pool.Id])) clashes.push(`pool ${pool.Id} already exists`);
    for (const client of clients) {
      once(`client ${client.ClientId}`);
      if (await store.table(userPoolClients).findOne('byId', [client.ClientId])) clashes.push(`client ${client.ClientId} already exists`);
    }
    for (const domain of domains) {
      once(`domain ${domain.Domain}`);
      if (await store.table(userPoolDomains).findOne('byDomain', [domain.Domain])) clashes.push(`domain ${domain.Domain} already exists`);
    }
    for (const user of people) once(`user ${user.UsernameKey} of pool ${pool.Id}`);
  }
  await identityPoolClashes(store, file, once, clashes);
  for (const stack of file.stacks) {
    once(`stack ${stack.Name}`);
    if (await store.table(STATE_TABLES.stacks).get([stack.Name])) clashes.push(`stack ${stack.Name} already exists`);
  }
  for (const stack of file.cloudFormationStacks) {
    once(`CloudFormation stack ${stack.StackId}`);
    const table = store.table(STATE_TABLES.cloudFormationStacks);
    const live = stack.StackStatus !== 'DELETE_COMPLETE' && (await table.findOne('name', [stack.StackName]));
    if ((await table.get([stack.StackId])) || live) {
      clashes.push(`CloudFormation stack ${stack.StackName} already exists`);
    }
  }
  if (clashes.length) {
    const shown = clashes.slice(0, 10).join('; ') + (clashes.length > 10 ? `; and ${clashes.length - 10} more` : '');
    throw new StateFileError(`nothing imported: ${shown}. Import into a fresh data dir, or delete these first.`);
  }
}
