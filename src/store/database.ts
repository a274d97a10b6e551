import { Level } from 'level';
import { MemoryLevel } from 'memory-level';
import type { Database } from './table.js';

export type StorageOptions = { inMemory: true } | { inMemory?: false; dataDir: string };

/**
 * LevelDB under the data dir, or memory-level. memory-level stores keys as bytes so that both backends order
 * keys the same way (UTF-8 byte order), which the range scans rely on. As views, not Buffers: a small Buffer is a
 * slice of Node's shared 8 KB pool (Buffer.poolSize), so a stored key or value could keep a whole slab alive (the
 * soak measured 23 KB of memory per user with 'buffer', 10.5 KB with 'view'; RELIABILITY.md "Soak").
 */
export async function openDatabase(options: StorageOptions): Promise<Database> {
  const db: Database = options.inMemory
    ? new MemoryLevel<string, string>({ storeEncoding: 'view' })
    : new Level<string, string>(options.dataDir);
  await db.open();
  return db;
}
