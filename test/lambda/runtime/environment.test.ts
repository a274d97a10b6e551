import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { definition, FIXTURES, testRuntime } from './runtime.js';

// Set in the emulator's own environment: no function may see them.
process.env.COGNIFORM_RUNTIME_TEST_SECRET = 'emulator only';
process.env.HOME ??= '/home/test';

const runtime = testRuntime([
  definition('env-a', 'env.handler', { environment: { ONLY_A: 'a', SHARED: 'from A', AWS_REGION: 'mars-north-1' } }),
  definition('env-b', 'env.handler', { environment: { SHARED: 'from B' }, memorySize: 512 }),
]);
test.after(() => runtime.close());

test("LambdaRuntime: a function sees its own variables, not another function's nor the emulator's", async () => {
  const a = (await runtime.invoke('env-a')) as Record<string, string>;
  const b = (await runtime.invoke('env-b')) as Record<string, string>;
  assert.equal([a.ONLY_A, a.SHARED], ['a', 'from A']);
  assert.equal([b.ONLY_A, b.SHARED], [undefined, 'from B']);
  for (const env of [a, b]) {
    assert.is(env.COGNIFORM_RUNTIME_TEST_SECRET, undefined);
    assert.is(env.HOME, undefined);
  }
  assert.is(process.env.ONLY_A, undefined);
});

test('LambdaRuntime: Lambda defines its runtime variables, and they win over the function\'s own', async () => {
  const env = (await runtime.invoke('env-a')) as Record<string, string>;
  assert.equal(
    {
      AWS_REGION: env.AWS_REGION,
      AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION,
      AWS_LAMBDA_FUNCTION_NAME: env.AWS_LAMBDA_FUNCTION_NAME,
      AWS_LAMBDA_FUNCTION_VERSION: env.AWS_LAMBDA_FUNCTION_VERSION,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      AWS_LAMBDA_LOG_GROUP_NAME: env.AWS_LAMBDA_LOG_GROUP_NAME,
      AWS_EXECUTION_ENV: env.AWS_EXECUTION_ENV,
      LAMBDA_TASK_ROOT: env.LAMBDA_TASK_ROOT,
      _HANDLER: env._HANDLER,
      TZ: env.TZ,
    },
    {
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: 'env-a',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/env-a',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      LAMBDA_TASK_ROOT: FIXTURES,
      _HANDLER: 'env.handler',
      TZ: ':UTC',
    },
  );
  assert.match(env.AWS_LAMBDA_LOG_STREAM_NAME ?? '', /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  assert.ok(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY, 'dummy credentials');
  assert.is(((await runtime.invoke('env-b')) as Record<string, string>).AWS_LAMBDA_FUNCTION_MEMORY_SIZE, '512');
});

test.run();
