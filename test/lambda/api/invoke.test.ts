import { InvokeCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../../helpers/eventually.js';
import { decode, withLambdaHarness, ZIP_FUNCTION } from './harness.js';

const h = withLambdaHarness(test, { key: 'invoke/v1.zip', version: 'v1' });

const setHandler = (handler: string) => h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: ZIP_FUNCTION, Handler: handler }));

test('Invoke: RequestResponse answers 200 with the result and the executed version', async () => {
  const answer = await h.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION, Payload: JSON.stringify({ a: 1 }) }));
  assert.is(answer.StatusCode, 200);
  assert.is(answer.ExecutedVersion, '$LATEST');
  assert.is(answer.FunctionError, undefined);
  assert.equal(decode(answer.Payload), { version: 'v1', greeting: 'hi', event: { a: 1 } });
});

test('Invoke: a function error answers 200 with X-Amz-Function-Error Unhandled and the Node.js error document', async () => {
  await setHandler('index.fail');
  const answer = await h.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION }));
  assert.is(answer.StatusCode, 200);
  assert.is(answer.FunctionError, 'Unhandled');
  const document = decode(answer.Payload) as { errorType: string; errorMessage: string; trace: string[] };
  assert.is(document.errorType, 'TypeError');
  assert.is(document.errorMessage, 'broken v1');
  assert.is(document.trace[0], 'TypeError: broken v1');
});

test('Invoke: LogType Tail gives the invocation\'s log, base64', async () => {
  await setHandler('index.logs');
  const answer = await h.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION, LogType: 'Tail' }));
  const log = Buffer.from(answer.LogResult!, 'base64').toString('utf8');
  assert.match(log, /^START RequestId: \S+ Version: \$LATEST\n/);
  assert.ok(log.includes('hello from the log'), log);
  assert.match(log, /REPORT RequestId: \S+\tDuration: /);
});

test('Invoke: Event answers 202 and runs in the background; DryRun answers 204 and runs nothing', async () => {
  const logged = () => h.logged.filter((line) => line.includes('hello from the log')).length;
  const before = logged();
  const event = await h.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION, InvocationType: 'Event' }));
  assert.is(event.StatusCode, 202);
  await eventually(async () => assert.is(logged(), before + 1));
  const dry = await h.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION, InvocationType: 'DryRun' }));
  assert.is(dry.StatusCode, 204);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.is(logged(), before + 1);
});

test('Invoke: bad input answers as Lambda does', async () => {
  const unknown = (await h.lambda.send(new InvokeCommand({ FunctionName: 'nope' })).catch((e) => e)) as Error;
  assert.is(unknown.name, 'ResourceNotFoundException');
  assert.is(unknown.message, 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope');
  const url = `/2015-03-31/functions/${ZIP_FUNCTION}/invocations`;
  const badJson = await h.emulator.app.inject({ method: 'POST', url, payload: '{not json' });
  assert.is(badJson.statusCode, 400);
  assert.is(badJson.headers['x-amzn-errortype'], 'InvalidRequestContentException');
  assert.match(JSON.parse(badJson.body).message, /^Could not parse request body into json: Could not parse payload into json: /);
  const badType = await h.emulator.app.inject({ method: 'POST', url, payload: '{}', headers: { 'x-amz-invocation-type': 'Later' } });
  assert.is(badType.headers['x-amzn-errortype'], 'ValidationException');
  assert.is(JSON.parse(badType.body).message, "1 validation error detected: Value 'Later' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
});

test.run();
