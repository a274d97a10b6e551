import { GetFunctionConfigurationCommand, InvokeCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode, handlerSource, withLambdaHarness, ZIP_FUNCTION } from './harness.js';

const h = withLambdaHarness(test, { key: 'config/v1.zip', version: 'v1' });

const invoke = async () => decode((await h.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION }))).Payload) as { greeting?: string };

test('UpdateFunctionConfiguration: Environment, Description, Timeout and MemorySize apply to the running function', async () => {
  assert.is((await invoke()).greeting, 'hi');
  const answer = await h.lambda.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: ZIP_FUNCTION,
      Environment: { Variables: { GREETING: 'hello' } },
      Description: 'changed',
      Timeout: 9,
      MemorySize: 512,
    }),
  );
  assert.equal(answer.Environment, { Variables: { GREETING: 'hello' } });
  assert.is(answer.Description, 'changed');
  assert.is(answer.Timeout, 9);
  assert.is(answer.MemorySize, 512);
  assert.is(answer.LastUpdateStatus, 'Successful');
  assert.is((await invoke()).greeting, 'hello');
  const read = await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: ZIP_FUNCTION }));
  assert.is(read.Description, 'changed');
  assert.is(read.LastModified, answer.LastModified);
});

test('UpdateFunctionConfiguration: Handler changes which export runs', async () => {
  await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: ZIP_FUNCTION, Handler: 'index.logs' }));
  assert.is(await invoke(), 'logged');
});

test('UpdateFunctionConfiguration: the stack wins again when it deploys the function anew', async () => {
  await h.putZip('config/v2.zip', handlerSource('v2'));
  await h.deploy('config/v2.zip');
  assert.is((await invoke()).greeting, 'hi');
  const read = await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: ZIP_FUNCTION }));
  assert.is(read.Description, 'zip from S3');
  assert.is(read.Timeout, 5);
});

test('UpdateFunctionConfiguration: out-of-range values are ValidationExceptions; unknown functions ResourceNotFoundException', async () => {
  const send = (input: object) => h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: ZIP_FUNCTION, ...input })).catch((e: Error) => e);
  const timeout = (await send({ Timeout: 0 })) as Error;
  assert.is(timeout.name, 'ValidationException');
  assert.is(timeout.message, "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1");
  const memory = (await send({ MemorySize: 20_000 })) as Error;
  assert.is(memory.name, 'ValidationException');
  const unknown = (await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'nope', Timeout: 3 })).catch((e) => e)) as Error;
  assert.is(unknown.name, 'ResourceNotFoundException');
  const badJson = await h.emulator.app.inject({ method: 'PUT', url: `/2015-03-31/functions/${ZIP_FUNCTION}/configuration`, payload: 'nope' });
  assert.is(badJson.headers['x-amzn-errortype'], 'InvalidRequestContentException');
  assert.is((await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: ZIP_FUNCTION }))).Timeout, 5);
});

test.run();
