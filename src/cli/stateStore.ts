import { openDatabase } from '../store/database.js';
import { Store } from '../store/store.js';

/**
 * The LevelDB of a stopped emulator, for `export`/`import --data-dir`. A running one holds LevelDB's lock, so
 * opening fails (bin/cogniform.ts says so); talk to it through --endpoint instead.
 */
export async function withDataDir<R>(dataDir: string, work: (store: Store) => Promise<R>): Promise<R> {
  const store = new Store(await openDatabase({ dataDir }));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A running emulator's /_cogniform/ endpoint, or an exit-code-worthy message when none answers. */
export async function callEmulator(endpoint: string, route: string, init?: RequestInit): Promise<Response | undefined> {
  try {
    return await fetch(new URL(route, endpoint), init);
  } catch (error) {
    console.error(`cogniform: no emulator answers at ${endpoint} (${(error as Error).message}); start one, pass --endpoint, or use --data-dir on a stopped one.`);
    return undefined;
  }
}
