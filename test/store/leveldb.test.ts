import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import { openDatabase } from '../../src/store/database.js';
import { storeConformance } from './conformance.js';

const test = suite('LevelDB');
// Made at load, not in `test.before`: uvu 0.5 swallows errors thrown by hooks (lukeed/uvu#60).
const root = mkdtempSync(path.join(tmpdir(), 'cogniform-store-'));
let opened = 0;
test.after(async () => {
  await rm(root, { recursive: true, force: true });
});
storeConformance({ test, factory: () => openDatabase({ dataDir: path.join(root, `db-${++opened}`) }) });
test.run();
