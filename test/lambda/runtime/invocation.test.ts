import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../../helpers/eventually.js';
import { definition, failure, testRuntime } from './runtime.js';

const runtime = testRuntime([
  definition('callback', 'callback.handler'),
  definition('plain', 'callback.plain'),
  definition('throws', 'throws.handler'),
  definition('rejects-string', 'throws.rejectsString'),
  definition('timeout', 'timeout.handler', { timeoutSeconds: 0.5 }),
  definition('exit', 'crash.exit'),
  definition('uncaught', 'crash.uncaught'),
  definition('console', 'console.handler'),
]);
test.after(() => runtime.close());

test('LambdaRuntime: a callback-style handler answers through its callback, errors included', async () => {
  assert.equal(await runtime.invoke('callback', { n: 1 }), { style: 'callback', event: { n: 1 } });
  const error = await failure(runtime.invoke('callback', { fail: true }));
  assert.equal([error.errorType, error.errorMessage], ['RangeError', 'callback failure']);
});

test('LambdaRuntime: a plain function that returns no promise and takes no callback answers null', async () => {
  assert.is(await runtime.invoke('plain'), null);
});

test('LambdaRuntime: a thrown error fails the invocation with its errorType and errorMessage', async () => {
  const error = await failure(runtime.invoke('throws'));
  assert.instance(error, Error);
  assert.equal([error.errorType, error.errorMessage, error.message], ['TypeError', 'bad input', 'bad input']);
  const rejection = await failure(runtime.invoke('rejects-string'));
  assert.equal([rejection.errorType, rejection.errorMessage], ['string', 'just a string']);
});

test('LambdaRuntime: past its Timeout an invocation fails as Lambda says, and the next one gets a fresh worker', async () => {
  const error = await failure(runtime.invoke('timeout', { hang: true }));
  assert.is(error.errorType, 'Sandbox.Timedout');
  assert.match(error.errorMessage, /^RequestId: [0-9a-f-]{36} Error: Task timed out after 0\.5\d seconds$/);
  const { remaining } = (await runtime.invoke('timeout')) as { remaining: number };
  assert.ok(remaining > 0 && remaining <= 500, `remaining ${remaining}`);
});

test('LambdaRuntime: process.exit in a handler fails only that invocation (Runtime.ExitError)', async () => {
  const error = await failure(runtime.invoke('exit'));
  assert.is(error.errorType, 'Runtime.ExitError');
  assert.match(error.errorMessage, /Runtime exited with error: exit status 3$/);
  assert.is(await runtime.invoke('callback', { n: 2 }).then((result: any) => result.style), 'callback');
});

test('LambdaRuntime: an exception thrown outside the handler fails its invocation with that error', async () => {
  const error = await failure(runtime.invoke('uncaught'));
  assert.equal([error.errorType, error.errorMessage], ['Error', 'boom outside the handler']);
});

test('LambdaRuntime: console output and stdout writes reach the log line by line, prefixed with the function name', async () => {
  assert.is(await runtime.invoke('console'), 'logged');
  // stdout and stderr are separate streams: each keeps its order, not their interleaving.
  await eventually(async () => {
    assert.equal(runtime.lines.filter((line) => line.startsWith('info: [console]')), [
      'info: [console] a log line',
      'info: [console] first part, second part',
      'info: [console] last line',
    ]);
    assert.equal(runtime.lines.filter((line) => line.startsWith('error: [console]')), ['error: [console] an error line']);
  });
});

test.run();
