import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeKey } from '../../src/store/keys.js';
import type { Database } from '../../src/store/table.js';
import { Store, type Table, type TableSpec } from '../../src/store/store.js';

/**
 * The store's conformance suite, in the style of Level's `suite({ test, factory })`: every backend the store
 * runs on (LevelDB, memory-level) registers the same tests, so they are held to the same behaviour (byte order
 * of keys above all, which range scans and pagination rely on).
 */
export interface ConformanceOptions {
  test: Test;
  /** Opens a fresh, empty database; the test closes it. */
  factory: () => Promise<Database>;
}

interface Thing {
  pool: string;
  name: string;
  color: string;
  tags: string[];
  payload?: unknown;
}
const things: TableSpec<Thing> = {
  name: 'things',
  key: (t) => [t.pool, t.name],
  indexes: { byColor: (t) => [[t.pool, t.color]], byTag: (t) => t.tags.map((tag) => [t.pool, tag]) },
};
const pools: TableSpec<{ id: string; owner?: string }> = {
  name: 'pools',
  key: (p) => [p.id],
  indexes: { byOwner: (p) => (p.owner ? [[p.owner]] : []) },
};
interface Member {
  pool: string;
  group: string;
  user: string;
}
const members: TableSpec<Member> = {
  name: 'members',
  key: (m) => [m.pool, m.group, m.user],
  indexes: { byUser: (m) => [[m.pool, m.user, m.group]] },
};
const counters: TableSpec<{ id: string; n: number }> = { name: 'counters', key: (c) => [c.id] };
const cachedCounters: TableSpec<{ id: string; n: number; tags?: string[] }> = { name: 'cached', key: (c) => [c.id], cache: true };

const thing = (pool: string, name: string, color = 'red', tags: string[] = []): Thing => ({ pool, name, color, tags });

/** Both backends order keys by their UTF-8 bytes (not by JavaScript's UTF-16 code units). */
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Names chosen to break a naive key scheme: the separator and escape characters inside a part, parts that are
 * prefixes of each other, non-ASCII, astral-plane characters (emoji, whose UTF-16 order differs from their UTF-8
 * order against U+FF46), and characters just around the escapes.
 */
const AWKWARD = [
  'a', 'a\x00', 'a\x00b', 'a\x01', 'a\x01\x02', 'a\x02', 'a b', 'ab', 'b', 'Zed', '~', 'é', 'ß', '中文', '\uFF46', '😀', '😀x', '𝔸',
];

const names = (items: { name: string }[]) => items.map((t) => t.name);

async function putAll<T>(store: Store, table: Table<T>, records: T[]): Promise<void> {
  await store.db.batch(records.flatMap((r) => table.putOps(r)));
}

/** Every page `fetch` gives, following `next` (a hundred at most, so a `next` that never ends fails, not hangs). */
async function allPages<T>(fetch: (after?: string) => Promise<{ items: T[]; next?: string }>): Promise<T[][]> {
  const pages: T[][] = [];
  let after: string | undefined;
  do {
    const page = await fetch(after);
    pages.push(page.items);
    after = page.next;
  } while (after !== undefined && pages.length < 100);
  return pages;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function storeConformance({ test, factory }: ConformanceOptions): void {
  const it = (title: string, body: (store: Store) => Promise<void>) =>
    test(title, async () => {
      const store = new Store(await factory());
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  it('Table: get returns what putOps stored, and nothing after delOps', async (store) => {
    const table = store.table(things);
    const record: Thing = { ...thing('p', 'one', 'red', ['x']), payload: { nested: [1, 'ü', null], emoji: '🦄' } };
    assert.is(await table.get(['p', 'one']), undefined);
    await store.db.batch(table.putOps(record));
    assert.equal(await table.get(['p', 'one']), record);
    assert.is(await table.get(['p', 'on']), undefined);
    assert.is(await table.get(['p']), undefined);
    await store.db.batch(table.delOps(record));
    assert.is(await table.get(['p', 'one']), undefined);
    assert.equal((await table.findBy('byColor', ['p', 'red'], { limit: 10 })).items, []);
    assert.equal((await table.findBy('byTag', ['p', 'x'], { limit: 10 })).items, []);
  });

  it('Table: tables with the same keys do not see each other', async (store) => {
    const table = store.table(things);
    const other = store.table<Thing>({ ...things, name: 'others' });
    await putAll(store, table, [thing('p', 'one')]);
    assert.is(await other.get(['p', 'one']), undefined);
    assert.is(await other.count(['p']), 0);
    assert.equal((await other.findBy('byColor', ['p', 'red'], { limit: 10 })).items, []);
  });

  it('Table: a key part holding the separator or the escape is its own key', async (store) => {
    const table = store.table(members);
    const split: Member = { pool: 'p', group: 'a', user: 'b' };
    const joined: Member[] = [
      { pool: 'p', group: 'a\x00b', user: 'u' },
      { pool: 'p', group: 'a\x01\x01b', user: 'u' },
      { pool: 'p', group: 'a\x01', user: 'b' },
    ];
    await putAll(store, table, [split, ...joined]);
    assert.equal(await table.get(['p', 'a', 'b']), split);
    for (const m of joined) assert.equal(await table.get([m.pool, m.group, m.user]), m, JSON.stringify(m.group));
    assert.is(await table.get(['p', 'a\x00b']), undefined);
    assert.is(await table.count(['p', 'a']), 1);
    assert.equal((await table.list(['p', 'a\x00b'], { limit: 10 })).items, [joined[0]]);
  });

  it('Table: putOps replacing a record moves its index entries', async (store) => {
    const table = store.table(things);
    const before = thing('p', 'one', 'red', ['t1', 't2']);
    const after = thing('p', 'one', 'blue', ['t2', 't3']);
    await putAll(store, table, [before, thing('p', 'two', 'red', ['t1'])]);
    await store.db.batch(table.putOps(after, before));
    assert.equal(await table.get(['p', 'one']), after);
    assert.equal(names((await table.findBy('byColor', ['p', 'red'], { limit: 10 })).items), ['two']);
    assert.equal(names((await table.findBy('byColor', ['p', 'blue'], { limit: 10 })).items), ['one']);
    assert.equal(names((await table.findBy('byTag', ['p', 't1'], { limit: 10 })).items), ['two']);
    // Every index entry of the pool: t2 and t3 for "one" (t2 kept once), t1 for "two"; nothing left of "t1" for "one".
    const entries = await table.findBy('byTag', ['p'], { limit: 10 });
    assert.equal(names(entries.items), ['two', 'one', 'one']);
    assert.equal(names((await table.findBy('byColor', ['p'], { limit: 10 })).items), ['one', 'two']);
  });

  it('Table: putOps replacing a record with the same index values keeps them', async (store) => {
    const table = store.table(things);
    const before = thing('p', 'one', 'red', ['t']);
    const after: Thing = { ...before, payload: 'changed' };
    await putAll(store, table, [before]);
    await store.db.batch(table.putOps(after, before));
    assert.equal(await table.findOne('byColor', ['p', 'red']), after);
    assert.equal(await table.findOne('byTag', ['p', 't']), after);
  });

  it('Table: list returns a prefix in UTF-8 key order, awkward characters included', async (store) => {
    const table = store.table(things);
    await putAll(store, table, [...AWKWARD].reverse().map((name) => thing('p', name)));
    const expected = [...AWKWARD].sort(byUtf8);
    assert.equal(names((await table.list(['p'], { limit: 100 })).items), expected);
    for (const name of AWKWARD) assert.is((await table.get(['p', name]))?.name, name, JSON.stringify(name));
    assert.is(await table.count(['p']), AWKWARD.length);
  });

  it('Table: list pages with limit and after, and the last page has no next', async (store) => {
    const table = store.table(things);
    await putAll(store, table, AWKWARD.map((name) => thing('p', name)));
    const expected = [...AWKWARD].sort(byUtf8);
    for (const limit of [1, 3, AWKWARD.length - 1, AWKWARD.length, AWKWARD.length + 1]) {
      const pages = await allPages((after) => table.list(['p'], { limit, after }));
      assert.equal(pages.flat().map((t) => t.name), expected, `limit ${limit}`);
      assert.ok(pages.every((page) => page.length <= limit && page.length > 0), `limit ${limit}`);
      assert.is(pages.length, Math.ceil(AWKWARD.length / limit), `limit ${limit}`);
    }
  });

  it('Table: a prefix does not match longer parts ("a" is not "ab")', async (store) => {
    const table = store.table(things);
    const prefixes = ['a', 'ab', 'a b', 'a\x00', 'a\x01', '', 'A'];
    await putAll(store, table, prefixes.flatMap((pool) => [thing(pool, 'x'), thing(pool, 'y', pool === 'a' ? 'red' : 'blue')]));
    for (const pool of prefixes) {
      const { items, next } = await table.list([pool], { limit: 10 });
      assert.equal(items.map((t) => [t.pool, t.name]), [[pool, 'x'], [pool, 'y']], JSON.stringify(pool));
      assert.is(next, undefined);
      assert.is(await table.count([pool]), 2);
    }
    assert.equal((await table.findBy('byColor', ['a'], { limit: 10 })).items.map((t) => t.pool), ['a', 'a']);
    assert.equal(names((await table.findBy('byColor', ['a', 'red'], { limit: 10 })).items), ['x', 'y']);
    assert.equal((await table.findBy('byColor', ['ab', 'red'], { limit: 10 })).items.length, 1);
  });

  it('Table: partial matches the beginning of the next part only', async (store) => {
    const table = store.table(things);
    const all = ['j', 'jo', 'jo\x00x', 'jo\x01', 'joe', 'john', 'jo😀', 'jö', 'jp', 'k', '😀a', '😀b', '😁'];
    await putAll(store, table, [...all.map((name) => thing('p', name)), thing('p\x00', 'joe'), thing('pj', 'jo')]);
    for (const partial of ['jo', 'jo\x00', 'jo\x01', 'j', '😀', '', 'zz']) {
      const expected = all.filter((name) => name.startsWith(partial)).sort(byUtf8);
      const { items } = await table.list(['p'], { limit: 100, partial });
      assert.equal(names(items), expected, JSON.stringify(partial));
      const pages = await allPages((after) => table.list(['p'], { limit: 2, after, partial }));
      assert.equal(pages.flat().map((t) => t.name), expected, `paged ${JSON.stringify(partial)}`);
    }
  });

  it('Table: findBy lists an index prefix in order, pages, and findOne takes the first', async (store) => {
    const table = store.table(things);
    await putAll(store, table, [
      thing('p', 'd', 'red'), thing('p', 'b', 'red'), thing('p', 'c', 'blue'), thing('p', 'a', 'red'),
      thing('p', 'e', 'reddish'), thing('pa', 'z', 'red'), thing('p\x00', 'y', 'red'),
    ]);
    assert.equal(names((await table.findBy('byColor', ['p', 'red'], { limit: 10 })).items), ['a', 'b', 'd']);
    const pages = await allPages((after) => table.findBy('byColor', ['p', 'red'], { limit: 2, after }));
    assert.equal(pages.map(names), [['a', 'b'], ['d']]);
    assert.equal(names((await table.findBy('byColor', ['p'], { limit: 10, partial: 'red' })).items), ['a', 'b', 'd', 'e']);
    assert.is((await table.findOne('byColor', ['p', 'red']))?.name, 'a');
    assert.is((await table.findOne('byColor', ['p', 'blue']))?.name, 'c');
    assert.is(await table.findOne('byColor', ['p', 'green']), undefined);
    assert.is(await table.findOne('byColor', ['p', 're']), undefined);
  });

  it('Table: findBy follows an index with several entries per record', async (store) => {
    const table = store.table(things);
    await putAll(store, table, [thing('p', 'one', 'red', ['x', 'y']), thing('p', 'two', 'red', ['y', '😀'])]);
    assert.equal(names((await table.findBy('byTag', ['p', 'x'], { limit: 10 })).items), ['one']);
    assert.equal(names((await table.findBy('byTag', ['p', 'y'], { limit: 10 })).items), ['one', 'two']);
    assert.equal(names((await table.findBy('byTag', ['p', '😀'], { limit: 10 })).items), ['two']);
  });

  it('Table: count counts the records under a prefix only', async (store) => {
    const table = store.table(members);
    await putAll(store, table, [
      { pool: 'p', group: 'g', user: 'u1' }, { pool: 'p', group: 'g', user: 'u2' }, { pool: 'p', group: 'g2', user: 'u1' },
      { pool: 'pa', group: 'g', user: 'u1' },
    ]);
    assert.is(await table.count(['p']), 3);
    assert.is(await table.count(['p', 'g']), 2);
    assert.is(await table.count(['p', 'g2']), 1);
    assert.is(await table.count(['pa']), 1);
    assert.is(await table.count(['q']), 0);
  });

  it('Store: a transaction reads its own writes before they are committed', async (store) => {
    const table = store.table(things);
    const first = thing('p', 'one', 'red', ['t1']);
    const second = thing('p', 'one', 'blue', ['t2']);
    await store.transact('p', async (tx) => {
      assert.is(await tx.get(table, ['p', 'one']), undefined);
      await tx.put(table, first);
      assert.equal(await tx.get(table, ['p', 'one']), first);
      assert.is(await table.get(['p', 'one']), undefined, 'not visible outside before commit');
      await tx.delete(table, first);
      assert.is(await tx.get(table, ['p', 'one']), undefined);
      await tx.put(table, second);
      assert.equal(await tx.get(table, ['p', 'one']), second);
    });
    assert.equal(await table.get(['p', 'one']), second);
    assert.equal(await table.findOne('byColor', ['p', 'blue']), second);
    assert.is(await table.findOne('byColor', ['p', 'red']), undefined);
    assert.is(await table.findOne('byTag', ['p', 't1']), undefined);
  });

  it('Store: a transaction replacing a stored record moves its index entries', async (store) => {
    const table = store.table(things);
    await putAll(store, table, [thing('p', 'one', 'red', ['t1'])]);
    await store.transact('p', (tx) => tx.put(table, thing('p', 'one', 'blue', ['t2'])));
    assert.is(await table.findOne('byColor', ['p', 'red']), undefined);
    assert.is(await table.findOne('byTag', ['p', 't1']), undefined);
    assert.is((await table.findOne('byColor', ['p', 'blue']))?.name, 'one');
    assert.equal(names((await table.findBy('byTag', ['p'], { limit: 10 })).items), ['one']);
  });

  it('Store: deleting in a transaction removes the index entries of the version last written', async (store) => {
    const table = store.table(things);
    const stored = thing('p', 'one', 'red');
    await putAll(store, table, [stored, thing('p', 'two', 'blue')]);
    await store.transact('p', async (tx) => {
      await tx.put(table, { ...stored, color: 'blue' });
      await tx.delete(table, stored);
    });
    assert.is(await table.get(['p', 'one']), undefined);
    // A stale "blue" entry for "one" would sort first and hide "two".
    assert.is((await table.findOne('byColor', ['p', 'blue']))?.name, 'two');
    assert.equal(names((await table.findBy('byColor', ['p'], { limit: 10 })).items), ['two']);
  });

  it('Store: a transaction that throws writes nothing and releases its key', async (store) => {
    const table = store.table(things);
    const other = store.table(pools);
    await putAll(store, table, [thing('p', 'kept', 'red')]);
    const boom = new Error('boom');
    try {
      await store.transact('p', async (tx) => {
        await tx.put(table, thing('p', 'new', 'red', ['t']));
        await tx.put(table, thing('p', 'kept', 'blue'));
        await tx.put(other, { id: 'p' });
        throw boom;
      });
      assert.unreachable('transact should reject');
    } catch (error) {
      assert.is(error, boom);
    }
    assert.is(await table.get(['p', 'new']), undefined);
    assert.is(await other.get(['p']), undefined);
    assert.equal(await table.get(['p', 'kept']), thing('p', 'kept', 'red'));
    assert.equal(names((await table.findBy('byColor', ['p', 'red'], { limit: 10 })).items), ['kept']);
    assert.is(await table.findOne('byColor', ['p', 'blue']), undefined);
    assert.is(await table.findOne('byTag', ['p', 't']), undefined);
    assert.is(await store.transact('p', async () => 'next ran'), 'next ran');
  });

  it('Store: a transaction commits its records and index entries in one batch', async (store) => {
    const table = store.table(things);
    await putAll(store, table, [thing('p', 'one', 'red', ['a'])]);
    const writes: { type: string }[][] = [];
    const listener = (operations: { type: string }[]) => writes.push(operations);
    store.db.on('write', listener);
    const result = await store.transact('p', async (tx) => {
      await tx.put(table, thing('p', 'one', 'blue', ['b']));
      await tx.put(table, thing('p', 'two', 'green', ['c', 'd']));
      await tx.put(store.table(pools), { id: 'p' });
      return 'done';
    });
    store.db.off('write', listener);
    assert.is(result, 'done');
    assert.is(writes.length, 1, 'one atomic write');
    // "one": 2 index deletions, the record, 2 index puts; "two": the record and 3 index puts; the pool.
    assert.equal(writes[0]!.map((op) => op.type).sort(), [...Array(2).fill('del'), ...Array(8).fill('put')]);
    assert.is(await store.transact('p', async () => 'read only'), 'read only');
    assert.is(writes.length, 1, 'a transaction that writes nothing does not write');
  });

  it('Store: purge deletes a prefix across tables, the record keyed by it included', async (store) => {
    const thingTable = store.table(things);
    const poolTable = store.table(pools);
    const memberTable = store.table(members);
    const keep = ['pa', 'p\x00', 'p b', 'q', ''];
    await putAll(store, poolTable, ['p', ...keep].map((id) => ({ id, owner: 'o' })));
    await putAll(store, thingTable, ['p', ...keep].flatMap((pool) => ['1', '2', '3', '4', '5'].map((n) => thing(pool, n, 'red', ['t']))));
    await putAll(store, memberTable, ['p', ...keep].flatMap((pool) => [{ pool, group: 'g', user: 'u' }, { pool, group: 'p', user: 'p' }]));
    await store.purge([things, pools, members] as TableSpec<unknown>[], ['p'], 2);
    assert.is(await poolTable.get(['p']), undefined);
    assert.equal((await poolTable.findBy('byOwner', ['o'], { limit: 10 })).items.map((p) => p.id).sort(), [...keep].sort());
    assert.is(await thingTable.count(['p']), 0);
    assert.is(await memberTable.count(['p']), 0);
    assert.equal((await thingTable.findBy('byColor', ['p'], { limit: 10 })).items, []);
    assert.equal((await thingTable.findBy('byTag', ['p'], { limit: 10 })).items, []);
    assert.equal((await memberTable.findBy('byUser', ['p'], { limit: 10 })).items, []);
    for (const pool of keep) {
      assert.equal(await poolTable.get([pool]), { id: pool, owner: 'o' }, JSON.stringify(pool));
      assert.is(await thingTable.count([pool]), 5, JSON.stringify(pool));
      assert.is((await thingTable.findBy('byColor', [pool, 'red'], { limit: 10 })).items.length, 5);
      assert.is((await thingTable.findBy('byTag', [pool, 't'], { limit: 10 })).items.length, 5);
      assert.is(await memberTable.count([pool]), 2);
      assert.is((await memberTable.findBy('byUser', [pool], { limit: 10 })).items.length, 2);
    }
  });

  it('Store: clear wipes every table and index', async (store) => {
    const thingTable = store.table(things);
    await putAll(store, thingTable, [thing('p', 'one', 'red', ['t'])]);
    await putAll(store, store.table(pools), [{ id: 'p' }]);
    await store.clear();
    assert.is(await thingTable.get(['p', 'one']), undefined);
    assert.is(await store.table(pools).get(['p']), undefined);
    assert.is(await thingTable.count(['p']), 0);
    assert.equal((await thingTable.findBy('byColor', ['p'], { limit: 10 })).items, []);
    assert.equal((await thingTable.findBy('byTag', ['p'], { limit: 10 })).items, []);
    await putAll(store, thingTable, [thing('p', 'after')]);
    assert.equal(names((await thingTable.list(['p'], { limit: 10 })).items), ['after']);
  });

  it('Store: transactions on one key run one at a time', async (store) => {
    const order: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = store.transact('k', async () => {
      order.push('first started');
      await gate;
      order.push('first ended');
    });
    const second = store.transact('k', async () => {
      order.push('second started');
    });
    for (let i = 0; i < 5; i++) await turn();
    assert.equal(order, ['first started']);
    open();
    await Promise.all([first, second]);
    assert.equal(order, ['first started', 'first ended', 'second started']);
  });

  it('Store: read-check-write under one key loses no update', async (store) => {
    const table = store.table(counters);
    const increment = () =>
      store.transact('c', async (tx) => {
        const current = await tx.get(table, ['c']);
        await turn();
        await tx.put(table, { id: 'c', n: (current?.n ?? 0) + 1 });
      });
    await Promise.all(Array.from({ length: 25 }, increment));
    assert.equal(await table.get(['c']), { id: 'c', n: 25 });
  });

  it('Store: transactions on different keys interleave', async (store) => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The first waits for the second to start: this finishes only if different keys do not wait on each other.
    const both = Promise.all([store.transact('k1', () => gate), store.transact('k2', async () => open())]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('deadlock'), 2000)));
    assert.is(await Promise.race([both.then(() => 'done'), timeout]), 'done');
    clearTimeout(timer);
  });

  it('Table: a cached table answers what was last committed, through writes, deletes, purge and clear', async (store) => {
    const table = store.table(cachedCounters);
    assert.is(await table.get(['x']), undefined);
    await store.transact('x', (tx) => tx.put(table, { id: 'x', n: 1 }));
    assert.equal(await table.get(['x']), { id: 'x', n: 1 });
    await store.transact('x', (tx) => tx.put(table, { id: 'x', n: 2 }));
    assert.equal(await table.get(['x']), { id: 'x', n: 2 });
    await store.transact('x', async (tx) => tx.delete(table, (await tx.get(table, ['x']))!));
    assert.is(await table.get(['x']), undefined);
    await store.transact('y', (tx) => tx.put(table, { id: 'y', n: 3 }));
    await store.purge([cachedCounters] as TableSpec<unknown>[], ['y']);
    assert.is(await table.get(['y']), undefined);
    await store.transact('z', (tx) => tx.put(table, { id: 'z', n: 4 }));
    assert.equal(await table.get(['z']), { id: 'z', n: 4 });
    await store.clear();
    assert.is(await table.get(['z']), undefined);
  });

  it('Table: a cached record changed by its reader does not change the cache', async (store) => {
    const table = store.table(cachedCounters);
    await store.transact('x', (tx) => tx.put(table, { id: 'x', n: 1, tags: ['a'] }));
    const first = (await table.get(['x']))!;
    first.n = 99;
    first.tags!.push('b');
    assert.equal(await table.get(['x']), { id: 'x', n: 1, tags: ['a'] });
  });

  it('Table: a transaction that throws leaves the cache as it was', async (store) => {
    const table = store.table(cachedCounters);
    await store.transact('x', (tx) => tx.put(table, { id: 'x', n: 1 }));
    await store
      .transact('x', async (tx) => {
        await tx.put(table, { id: 'x', n: 2 });
        throw new Error('abandoned');
      })
      .catch(() => undefined);
    assert.equal(await table.get(['x']), { id: 'x', n: 1 });
  });

  it('Table: a read that races a commit does not cache the older record', async (store) => {
    const table = store.table(cachedCounters);
    const racing = table.get(['x']); // reads the database: nothing there yet
    // A commit lands while that read is in flight (what Transaction.commit reports after its batch).
    table.committed(new Map([[encodeKey(['x']), { id: 'x', n: 2 }]]));
    assert.is(await racing, undefined);
    assert.equal(await table.get(['x']), { id: 'x', n: 2 });
  });
}
