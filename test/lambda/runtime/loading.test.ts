import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { definition, failure, testRuntime } from './runtime.js';

const runtime = testRuntime([
  definition('cjs', 'cjs.handler', { memorySize: 256 }),
  definition('nested', 'cjs.nested.deeper.handler'),
  definition('esm', 'esm.handler'),
  definition('ts', 'typescript/handler.handler'),
  definition('cts', 'commonTypescript.handler'),
  definition('mts', 'moduleTypescript.handler'),
  definition('no-file', 'missing/file.handler'),
  definition('no-export', 'cjs.absent'),
  definition('not-function', 'cjs.notAFunction'),
  definition('dotdot', '../fixtures/cjs.handler'),
]);
test.after(() => runtime.close());

test('LambdaRuntime: a CommonJS handler gets the event and the Lambda context', async () => {
  const result = (await runtime.invoke('cjs', { hello: 'world' })) as any;
  assert.is(result.style, 'cjs');
  assert.equal(result.event, { hello: 'world' });
  const { context } = result;
  assert.match(context.awsRequestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.is(context.functionName, 'cjs');
  assert.is(context.functionVersion, '$LATEST');
  assert.is(context.invokedFunctionArn, 'arn:aws:lambda:eu-west-1:123456789012:function:cjs');
  assert.is(context.memoryLimitInMB, '256');
  assert.is(context.logGroupName, '/aws/lambda/cjs');
  assert.match(context.logStreamName, /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  assert.is(context.callbackWaitsForEmptyEventLoop, true);
  assert.ok(context.remaining > 2_000 && context.remaining <= 3_000, `remaining ${context.remaining}`);
  const again = (await runtime.invoke('cjs')) as any;
  assert.is.not(again.context.awsRequestId, context.awsRequestId);
});

test('LambdaRuntime: a nested export path is followed, as Lambda does', async () => {
  assert.is(await runtime.invoke('nested'), 'nested');
});

test('LambdaRuntime: an ES module handler (.mjs) loads', async () => {
  const result = (await runtime.invoke('esm', { n: 1 })) as any;
  assert.equal([result.style, result.event], ['esm', { n: 1 }]);
});

test('LambdaRuntime: a TypeScript handler and the TypeScript it imports are transpiled on load', async () => {
  assert.equal(await runtime.invoke('ts', { name: 'lambda' }), { style: 'ts', message: 'hello lambda' });
});

test('LambdaRuntime: a TypeScript CommonJS module (.cts) loads', async () => {
  assert.is(await runtime.invoke('cts', { n: 1 }), 'cts:2');
});

test('LambdaRuntime: a TypeScript ES module (.mts) with top-level await loads', async () => {
  assert.is(await runtime.invoke('mts', { n: 21 }), 'mts:42');
});

test('LambdaRuntime: a missing handler file fails with Runtime.ImportModuleError naming the file', async () => {
  const error = await failure(runtime.invoke('no-file'));
  assert.is(error.errorType, 'Runtime.ImportModuleError');
  assert.match(error.message, "Cannot find module 'file'");
  assert.match(error.message, 'fixtures/missing/file{,.js,.mjs,.cjs,.ts,.mts,.cts}');
});

test('LambdaRuntime: a missing or non-function export fails with Runtime.HandlerNotFound', async () => {
  const missing = await failure(runtime.invoke('no-export'));
  assert.is(missing.errorType, 'Runtime.HandlerNotFound');
  assert.is(missing.errorMessage, 'cjs.absent is undefined or not exported');
  const notFunction = await failure(runtime.invoke('not-function'));
  assert.is(notFunction.errorType, 'Runtime.HandlerNotFound');
  assert.is(notFunction.errorMessage, 'cjs.notAFunction is not a function');
});

test('LambdaRuntime: a handler path with .. is refused as Runtime.MalformedHandlerName', async () => {
  assert.is((await failure(runtime.invoke('dotdot'))).errorType, 'Runtime.MalformedHandlerName');
});

test.run();
