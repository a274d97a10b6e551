import type { BatchOperation, Database, Table, TableSpec } from './table.js';
import { Table as TableImpl } from './table.js';
import { encodeKey, type KeyParts } from './keys.js';
import { KeyedMutex } from './mutex.js';

export type { KeyParts } from './keys.js';
export type { Page, PageOptions, TableSpec } from './table.js';
export { Table } from './table.js';

/**
 * The narrow typed store: tables over one abstract-level database, and transactions that commit a set of
 * records and their index entries in a single atomic batch.
 */
export class Store {
  private readonly tables = new Map<string, TableImpl<unknown>>();
  private readonly locks = new KeyedMutex();

  constructor(readonly db: Database) {}

  table<T>(spec: TableSpec<T>): Table<T> {
    let table = this.tables.get(spec.name);
    if (!table) {
      table = new TableImpl<T>(this.db, spec) as TableImpl<unknown>;
      this.tables.set(spec.name, table);
    }
    return table as Table<T>;
  }

  /**
   * Runs `work` alone among the transactions that share `lockKey`, then commits everything it wrote in one
   * batch. Nothing is written if `work` throws.
   */
  async transact<R>(lockKey: string, work: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.locks.run(lockKey, async () => {
      const tx = new Transaction();
      const result = await work(tx);
      await tx.commit(this.db);
      tx.committed();
      return result;
    });
  }

  /**
   * Deletes every record (and its index entries) whose primary key is or starts with `prefix`, in batches of `chunk`.
   * Not atomic as a whole: callers first delete the record that makes the rest reachable (the pool), so a crash
   * part way leaves only unreachable leftovers.
   */
  async purge(specs: TableSpec<unknown>[], prefix: KeyParts, chunk = 1000): Promise<void> {
    for (const spec of specs) {
      const table = this.table(spec);
      const exact = await table.get(prefix);
      if (exact) await this.db.batch(table.delOps(exact));
      for (;;) {
        const { items } = await table.list(prefix, { limit: chunk });
        if (!items.length) break;
        await this.db.batch(items.flatMap((record) => table.delOps(record)));
      }
      table.forget();
    }
  }

  /** Wipes every record of every table. */
  async clear(): Promise<void> {
    await this.db.clear();
    for (const table of this.tables.values()) table.forget();
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/**
 * Writes collected during `Store.transact`, readable back before they are committed. What it reads it remembers:
 * under the transaction's lock nothing else writes those records, so a second read (say, `put` looking up the
 * previous version to replace its index entries) needs no trip to the database.
 */
export class Transaction {
  private readonly ops: BatchOperation[] = [];
  private readonly known = new Map<Table<unknown>, Map<string, unknown>>();
  private readonly written = new Map<Table<unknown>, Map<string, unknown>>();
  private readonly after: (() => void)[] = [];

  /**
   * Runs `effect` once everything is committed, and never if the transaction fails: for what must not happen
   * for a change that was not kept (a custom sender told of a code that was never stored).
   */
  afterCommit(effect: () => void): void {
    this.after.push(effect);
  }

  /** Called by `Store.transact` after the commit. */
  committed(): void {
    for (const effect of this.after.splice(0)) effect();
  }

  async get<T>(table: Table<T>, key: KeyParts): Promise<T | undefined> {
    const encoded = encodeKey(key);
    const known = this.known.get(table as Table<unknown>);
    if (known?.has(encoded)) return known.get(encoded) as T | undefined;
    const record = await table.get(key);
    this.note(this.known, table, encoded, record);
    return record;
  }

  async put<T>(table: Table<T>, record: T): Promise<void> {
    const previous = await this.get(table, table.spec.key(record));
    this.ops.push(...table.putOps(record, previous));
    this.remember(table, table.keyOf(record), record);
  }

  /**
   * Deletes the record with `record`'s key, and the index entries of the version this transaction last wrote or
   * the store holds (the caller's copy may be stale): deleting by a stale copy would leave orphan index entries.
   */
  async delete<T>(table: Table<T>, record: T): Promise<void> {
    const current = (await this.get(table, table.spec.key(record))) ?? record;
    this.ops.push(...table.delOps(current));
    this.remember(table, table.keyOf(record), undefined);
  }

  async commit(db: Database): Promise<void> {
    if (!this.ops.length) return;
    await db.batch(this.ops);
    for (const [table, records] of this.written) table.committed(records);
  }

  private remember<T>(table: Table<T>, key: string, record: T | undefined): void {
    this.note(this.known, table, key, record);
    this.note(this.written, table, key, record);
  }

  private note<T>(map: Map<Table<unknown>, Map<string, unknown>>, table: Table<T>, key: string, record: T | undefined): void {
    const t = table as Table<unknown>;
    if (!map.has(t)) map.set(t, new Map());
    map.get(t)!.set(key, record);
  }
}
