import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { INLINE_FUNCTION, withLambdaHarness, ZIP_FUNCTION } from './harness.js';

const h = withLambdaHarness(test, { key: 'list/app.zip', version: 'list' });

test('ListFunctions: every deployed function, by name, with its configuration', async () => {
  const { Functions, NextMarker } = await h.lambda.send(new ListFunctionsCommand({}));
  assert.equal(Functions!.map((f) => f.FunctionName), [INLINE_FUNCTION, ZIP_FUNCTION]);
  assert.is(Functions![1]!.Handler, 'index.handler');
  assert.is(NextMarker, undefined);
});

test('ListFunctions: MaxItems pages, and NextMarker continues', async () => {
  const first = await h.lambda.send(new ListFunctionsCommand({ MaxItems: 1 }));
  assert.equal(first.Functions!.map((f) => f.FunctionName), [INLINE_FUNCTION]);
  assert.ok(first.NextMarker);
  const second = await h.lambda.send(new ListFunctionsCommand({ MaxItems: 1, Marker: first.NextMarker }));
  assert.equal(second.Functions!.map((f) => f.FunctionName), [ZIP_FUNCTION]);
  assert.is(second.NextMarker, undefined);
});

test('ListFunctions: MaxItems out of range is a ValidationException', async () => {
  const raw = await h.emulator.app.inject({ method: 'GET', url: '/2015-03-31/functions/?MaxItems=0' });
  assert.is(raw.statusCode, 400);
  assert.is(raw.headers['x-amzn-errortype'], 'ValidationException');
  assert.is(JSON.parse(raw.body).message, "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
});

test.run();
