import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { functionName, handlerFunctions } from '../../src/lambda/functions.js';

test('functionName: the name in a function ARN, with or without a qualifier; a bare name as given', () => {
  assert.is(functionName('arn:aws:lambda:us-east-1:000000000000:function:f1'), 'f1');
  assert.is(functionName('arn:aws:lambda:eu-west-1:123456789012:function:svc-local-hello:live'), 'svc-local-hello');
  assert.is(functionName('f1'), 'f1');
});

test('handlerFunctions: finds a handler by the name in any ARN, and nothing for unknown or inherited names', async () => {
  const functions = handlerFunctions({ hello: async (event: { n: number }, context) => ({ n: event.n + 1, name: context.functionName }) });
  const found = functions.find('arn:aws:lambda:ap-south-1:999999999999:function:hello');
  assert.ok(found);
  assert.equal(await found.invoke({ n: 1 }), { n: 2, name: 'hello' });
  assert.is(functions.find('arn:aws:lambda:us-east-1:000000000000:function:bye'), undefined);
  assert.is(functions.find('toString'), undefined);
});

test.run();
