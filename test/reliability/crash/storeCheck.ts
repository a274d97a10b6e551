import { POOL_SCOPED_TABLES } from '../../../src/cognito/model/tables.js';
import { userPools } from '../../../src/cognito/model/userPool.js';
import { openDatabase } from '../../../src/store/database.js';
import { encodeKey } from '../../../src/store/keys.js';
import type { TableSpec } from '../../../src/store/store.js';

/**
 * Opens a killed emulator's data dir as the next start would (LevelDB replays its log) and checks every indexed
 * table both ways: each record has every index entry its indexes give it, and each index entry points at a record
 * that gives it that entry. Read straight from the sublevels `Table` writes (`<name>` and `<name>~<index>`), so that
 * the check does not trust the code it checks. Returns the problems found and how many records were read.
 */
export async function checkStoreIndexes(dataDir: string): Promise<{ problems: string[]; records: number }> {
  const db = await openDatabase({ dataDir });
  const problems: string[] = [];
  let records = 0;
  try {
    const specs = [...POOL_SCOPED_TABLES, userPools as TableSpec<unknown>].filter((spec) => spec.indexes);
    for (const spec of specs) {
      const table = db.sublevel<string, unknown>(spec.name, { valueEncoding: 'json' });
      const expected = new Map<string, string>();
      for await (const [key, record] of table.iterator()) {
        records++;
        for (const [index, keysOf] of Object.entries(spec.indexes!)) {
          for (const parts of keysOf(record)) expected.set(`${index}\n${encodeKey([...parts, ''])}${key}`, key);
        }
      }
      for (const index of Object.keys(spec.indexes!)) {
        const level = db.sublevel<string, string>(`${spec.name}~${index}`, { valueEncoding: 'utf8' });
        for await (const [entry, primary] of level.iterator()) {
          const id = `${index}\n${entry}`;
          if (expected.get(id) !== primary) problems.push(`${spec.name}~${index}: entry ${JSON.stringify(entry)} has no record giving it`);
          expected.delete(id);
        }
      }
      for (const id of expected.keys()) problems.push(`${spec.name}: record without its index entry ${JSON.stringify(id)}`);
    }
  } finally {
    await db.close();
  }
  return { problems, records };
}
