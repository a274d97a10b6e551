import type { KeyParts, Store, TableSpec } from '../store/store.js';

const PAGE = 1000;

/** Every record of `spec` under `prefix` (of its primary key, or of `index`), page by page: a pool may hold many users. */
export async function allRecords<T>(store: Store, spec: TableSpec<T>, prefix: KeyParts, index?: string): Promise<T[]> {
  const table = store.table(spec);
  const found: T[] = [];
  let after: string | undefined;
  do {
    const options = { limit: PAGE, after };
    const page = index ? await table.findBy(index, prefix, options) : await table.list(prefix, options);
    found.push(...page.items);
    after = page.next;
  } while (after);
  return found;
}
