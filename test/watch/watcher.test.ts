import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { watchPaths } from '../../src/watch/watcher.js';
import { eventually } from '../helpers/eventually.js';

// The watcher alone: a burst of saves is one run; the emulator's own files (data dir, outputs) are never saves,
// even inside a watched folder (else writing the outputs would start the next reconcile, forever).

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('watchPaths: a burst of saves runs once; the ignored paths never run it', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'cogniform-watcher-'));
  await mkdir(path.join(folder, 'state'));
  let runs = 0;
  const watcher = watchPaths([folder], async () => void runs++, {
    debounceMs: 30,
    ignore: [path.join(folder, 'state'), path.join(folder, 'outputs.json')],
  });
  await watcher.ready;
  try {
    for (let i = 0; i < 5; i++) await writeFile(path.join(folder, 'template.yaml'), `# save ${i}\n`);
    await eventually(async () => assert.is(runs, 1));
    await writeFile(path.join(folder, 'outputs.json'), '{}');
    await writeFile(path.join(folder, 'state', 'LOG'), 'leveldb');
    await pause(300);
    assert.is(runs, 1);
  } finally {
    await watcher.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('watchPaths: a run that fails is reported and the next save runs again', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'cogniform-watcher-'));
  let runs = 0;
  const errors: unknown[] = [];
  const watcher = watchPaths([folder], async () => {
    if (++runs === 1) throw new Error('first run fails');
  }, { debounceMs: 30, onError: (error) => errors.push(error) });
  await watcher.ready;
  try {
    await writeFile(path.join(folder, 'template.yaml'), '# first\n');
    await eventually(async () => assert.is(errors.length, 1));
    assert.is((errors[0] as Error).message, 'first run fails');
    await writeFile(path.join(folder, 'template.yaml'), '# second\n');
    await eventually(async () => assert.is(runs, 2));
  } finally {
    await watcher.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test.run();
