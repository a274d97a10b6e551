import type { AbstractBatchOperation, AbstractLevel, AbstractSublevel } from 'abstract-level';
import { encodeKey, prefixRange, type KeyParts } from './keys.js';

/** What an entity looks like to the store: its primary key and the secondary indexes kept beside it. */
export interface TableSpec<T> {
  /** The sublevel's name; also prefixes the names of its index sublevels. */
  name: string;
  key(record: T): KeyParts;
  /** Each index maps a record to the index keys it appears under (none, one or several). */
  indexes?: Record<string, (record: T) => KeyParts[]>;
  /**
   * Keep records in memory once read (small, hot tables: pools, their counters). Safe because every write goes
   * through this process's Store, which refreshes the cache after each commit; copies are handed out, so a caller
   * that changes its record cannot change the cache.
   */
  cache?: boolean;
}

export type Database = AbstractLevel<string | Uint8Array, string, string>;
type Sublevel<V> = AbstractSublevel<Database, string | Uint8Array, string, V>;
export type BatchOperation = AbstractBatchOperation<Database, string, string>;
// Sublevel operations carry their sublevel's own value type (records are JSON); the root batch is typed for
// strings, so operations are built through this one cast.
const op = (operation: object) => operation as BatchOperation;

export interface PageOptions {
  limit: number;
  /** Resume strictly after this key (the `next` of the previous page). */
  after?: string | undefined;
  /** Match only keys whose next part starts with this text (`name ^= "jo"`). */
  partial?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Present when more items may follow; pass it back as `after`. */
  next?: string;
}

/**
 * One entity type: records in one sublevel keyed by their primary key, and each index in its own sublevel
 * keyed by `<index parts>\0<primary key>` with the primary key as its value. Writes come back as batch
 * operations so that a record and all its index entries are committed in one atomic batch.
 */
export class Table<T> {
  private readonly records: Sublevel<T>;
  private readonly indexLevels = new Map<string, Sublevel<string>>();
  /** Cached records as JSON (a parse is a cheap copy), by encoded key; absent keys are cached as undefined. */
  private readonly cache = new Map<string, string | undefined>();
  /** Bumped by every committed write, so a read that raced a write does not cache what it read. */
  private version = 0;

  private readonly syncReads: boolean;

  constructor(db: Database, readonly spec: TableSpec<T>) {
    // level-supports' types predate the getSync flag of the manifest.
    this.syncReads = (db.supports as { getSync?: boolean }).getSync === true;
    this.records = db.sublevel<string, T>(spec.name, { valueEncoding: 'json' });
    for (const name of Object.keys(spec.indexes ?? {})) {
      this.indexLevels.set(name, db.sublevel<string, string>(`${spec.name}~${name}`, { valueEncoding: 'utf8' }));
    }
  }

  /**
   * One record by encoded key. Both backends answer point reads synchronously (abstract-level 3 `getSync`): a
   * LevelDB lookup in its memtable or block cache takes microseconds, far less than the thread-pool round trip of
   * an asynchronous get, which dominated operations that read a few records and write one.
   */
  private read(encoded: string): Promise<T | undefined> | T | undefined {
    // A sublevel opens after its database (deferred open): until then the asynchronous get waits for it.
    return this.syncReads && this.records.status === 'open' ? this.records.getSync(encoded) : this.records.get(encoded);
  }

  keyOf(record: T): string {
    return encodeKey(this.spec.key(record));
  }

  async get(key: KeyParts): Promise<T | undefined> {
    const encoded = encodeKey(key);
    if (!this.spec.cache) return this.read(encoded);
    if (this.cache.has(encoded)) return parse<T>(this.cache.get(encoded));
    const version = this.version;
    const record = await this.read(encoded);
    if (version === this.version) this.cache.set(encoded, record === undefined ? undefined : JSON.stringify(record));
    return record;
  }

  /** Called by the store once a batch holding these records (undefined: deleted) has been committed. */
  committed(records: Map<string, T | undefined>): void {
    if (!this.spec.cache) return;
    this.version++;
    for (const [key, record] of records) this.cache.set(key, record === undefined ? undefined : JSON.stringify(record));
  }

  /** Forgets every cached record (after a purge or clear, which bypass transactions). */
  forget(): void {
    this.version++;
    this.cache.clear();
  }

  async getEncoded(keys: string[]): Promise<(T | undefined)[]> {
    return keys.length ? this.records.getMany(keys) : [];
  }

  /** A page of the records whose primary key starts with `prefix`, in key order. */
  async list(prefix: KeyParts, options: PageOptions): Promise<Page<T>> {
    const entries = await this.scan(this.records, prefix, options);
    return page(entries.map(([, value]) => value), entries, options.limit);
  }

  /** A page of the records found under an index prefix, in index order. */
  async findBy(index: string, prefix: KeyParts, options: PageOptions): Promise<Page<T>> {
    const entries = await this.scan(this.indexLevel(index), prefix, options);
    const shown = entries.slice(0, options.limit);
    const records = await this.getEncoded(shown.map(([, primary]) => primary));
    // An index entry always has its record (they are written in one batch); the filter only satisfies the types.
    return page(records.filter((r): r is T => r !== undefined), entries, options.limit);
  }

  /** The first record under an index key, for unique lookups (a client by id, a user by sub). */
  async findOne(index: string, key: KeyParts): Promise<T | undefined> {
    const { items } = await this.findBy(index, key, { limit: 1 });
    return items[0];
  }

  async count(prefix: KeyParts): Promise<number> {
    let n = 0;
    for await (const _ of this.records.keys(prefixRange(prefix))) n++;
    return n;
  }

  /** Operations that store `record`, replacing `previous` (same primary key) and its index entries. */
  putOps(record: T, previous?: T): BatchOperation[] {
    const key = this.keyOf(record);
    const ops: BatchOperation[] = previous ? this.indexOps('del', previous, this.keyOf(previous)) : [];
    ops.push(op({ type: 'put', sublevel: this.records, key, value: record }));
    ops.push(...this.indexOps('put', record, key));
    return ops;
  }

  delOps(record: T): BatchOperation[] {
    const key = this.keyOf(record);
    return [op({ type: 'del', sublevel: this.records, key }), ...this.indexOps('del', record, key)];
  }

  private indexOps(type: 'put' | 'del', record: T, primary: string): BatchOperation[] {
    const ops: BatchOperation[] = [];
    for (const [name, keysOf] of Object.entries(this.spec.indexes ?? {})) {
      const sublevel = this.indexLevel(name);
      for (const parts of keysOf(record)) {
        const key = encodeKey([...parts, '']) + primary;
        ops.push(op(type === 'put' ? { type, sublevel, key, value: primary } : { type, sublevel, key }));
      }
    }
    return ops;
  }

  private indexLevel(name: string): Sublevel<string> {
    const level = this.indexLevels.get(name);
    if (!level) throw new Error(`table ${this.spec.name} has no index ${name}`);
    return level;
  }

  private async scan<V>(level: Sublevel<V>, prefix: KeyParts, options: PageOptions): Promise<[string, V][]> {
    const range = prefixRange(prefix, options.partial);
    const bounds = options.after?.startsWith(range.gte) ? { gt: options.after, lt: range.lt } : range;
    // One more than asked for tells whether another page follows.
    return level.iterator({ ...bounds, limit: options.limit + 1 }).all();
  }
}

function parse<T>(json: string | undefined): T | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as T);
}

function page<T>(items: T[], entries: [string, unknown][], limit: number): Page<T> {
  if (entries.length <= limit) return { items };
  return { items: items.slice(0, limit), next: entries[limit - 1]![0] };
}
