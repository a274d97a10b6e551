import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_WORKERS } from '../../../src/lambda/runtime/functionPool.js';
import { definition, failure, testRuntime } from './runtime.js';

const runtime = testRuntime([definition('sleep', 'sleep.handler'), definition('esm', 'esm.handler')]);
test.after(() => runtime.close());

const threadOf = async (name: string, event: unknown = { ms: 0 }) => {
  const result = await runtime.invoke(name, event);
  return typeof result === 'number' ? result : (result as { threadId: number }).threadId;
};

test('LambdaRuntime: a warm worker serves the next invocation', async () => {
  assert.is(await threadOf('sleep'), await threadOf('sleep'));
});

test(`LambdaRuntime: overlapping invocations run on separate workers, at most ${MAX_WORKERS}, the rest queued`, async () => {
  const threads = await Promise.all(Array.from({ length: MAX_WORKERS + 2 }, () => threadOf('sleep', { ms: 300 })));
  assert.is(threads.length, MAX_WORKERS + 2);
  assert.is(new Set(threads).size, MAX_WORKERS);
});

test('LambdaRuntime: sync() leaves an unchanged function warm and restarts a changed one on its next invocation', async () => {
  const before = await threadOf('esm');
  runtime.sync([definition('sleep', 'sleep.handler'), definition('esm', 'esm.handler')]);
  assert.is(await threadOf('esm'), before);
  runtime.sync([definition('sleep', 'sleep.handler'), definition('esm', 'esm.handler', { timeoutSeconds: 4 })]);
  assert.is.not(await threadOf('esm'), before);
});

test('LambdaRuntime: sync() stops a function that is gone: it is no longer found, and a held one fails as Lambda does', async () => {
  const held = runtime.find('esm')!;
  runtime.sync([definition('sleep', 'sleep.handler')]);
  assert.is(runtime.find('esm'), undefined);
  const error = await failure(held.invoke({}));
  assert.equal([error.errorType, error.errorMessage], ['ResourceNotFoundException', 'Function not found: esm']);
  assert.ok(runtime.find('sleep'));
});

for (const [kind, handlerFile, valueFile, handlerSource] of [
  ['CommonJS', 'handler.js', 'value.js', "exports.handler = async () => require('./value.js');"],
  ['ES module', 'handler.mjs', 'value.mjs', "import value from './value.mjs';\nexport const handler = async () => value;"],
] as const) {
  test(`LambdaRuntime: hot reload: a changed ${kind} file the handler imports is reloaded on the next invocation`, async () => {
    const codeDir = await mkdtemp(path.join(tmpdir(), 'cogniform-reload-'));
    const writeValue = (value: string) =>
      writeFile(path.join(codeDir, valueFile), kind === 'CommonJS' ? `module.exports = '${value}';` : `export default '${value}';`);
    try {
      await writeFile(path.join(codeDir, handlerFile), handlerSource);
      await writeValue('first');
      const reloading = testRuntime([definition('reload', 'handler.handler', { codeDir })]);
      try {
        assert.is(await reloading.invoke('reload'), 'first');
        assert.is(await reloading.invoke('reload'), 'first');
        await writeValue('second');
        assert.is(await reloading.invoke('reload'), 'second');
        assert.ok(reloading.lines.includes('info: [reload] source changed: reloading'));
      } finally {
        await reloading.close();
      }
    } finally {
      await rm(codeDir, { recursive: true, force: true });
    }
  });
}

test.run();
