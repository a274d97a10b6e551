import { GetFunctionCommand, GetFunctionConfigurationCommand, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUCKET, INLINE_FUNCTION, withLambdaHarness, ZIP_FUNCTION } from './harness.js';

const h = withLambdaHarness(test, { key: 'get/app.zip', version: 'get' });

const ARN = `arn:aws:lambda:us-east-1:000000000000:function:${ZIP_FUNCTION}`;

test('GetFunction: the configuration as Lambda answers it, and where the code came from', async () => {
  const { Configuration: c, Code } = await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }));
  const expected: FunctionConfiguration = {
    FunctionName: ZIP_FUNCTION,
    FunctionArn: ARN,
    Runtime: 'nodejs20.x',
    Role: 'arn:aws:iam::000000000000:role/lambda-api',
    Handler: 'index.handler',
    Description: 'zip from S3',
    Timeout: 5,
    MemorySize: 256,
    Version: '$LATEST',
    Environment: { Variables: { GREETING: 'hi' } },
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  };
  for (const [key, value] of Object.entries(expected)) assert.equal(c![key as keyof FunctionConfiguration], value, key);
  assert.match(c!.LastModified!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  assert.match(c!.CodeSha256!, /^[A-Za-z0-9+/]{43}=$/);
  assert.ok(c!.CodeSize! > 0);
  assert.is(Code!.RepositoryType, 'S3');
  assert.is(Code!.Location, `${h.emulator.url}/${BUCKET}/get/app.zip`);
});

test('GetFunction: a full ARN, a partial ARN and ?Qualifier=$LATEST name the same function', async () => {
  for (const name of [ARN, `000000000000:function:${ZIP_FUNCTION}`, `${ZIP_FUNCTION}:$LATEST`]) {
    const { Configuration } = await h.lambda.send(new GetFunctionCommand({ FunctionName: name }));
    assert.is(Configuration!.FunctionName, ZIP_FUNCTION, name);
  }
  const { Configuration } = await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION, Qualifier: '$LATEST' }));
  assert.is(Configuration!.FunctionArn, ARN);
});

test('GetFunction: an unknown function is ResourceNotFoundException naming its ARN, with the wire shape Lambda uses', async () => {
  const error = (await h.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })).catch((e) => e)) as Error & { $metadata: { httpStatusCode: number } };
  assert.is(error.name, 'ResourceNotFoundException');
  assert.is(error.message, 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope');
  assert.is(error.$metadata.httpStatusCode, 404);
  const raw = await h.emulator.app.inject({ method: 'GET', url: '/2015-03-31/functions/nope' });
  assert.is(raw.headers['x-amzn-errortype'], 'ResourceNotFoundException');
  assert.equal(JSON.parse(raw.body), { Type: 'User', message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope' });
});

test('GetFunction: a qualifier other than $LATEST names a version that does not exist', async () => {
  const error = (await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION, Qualifier: '7' })).catch((e) => e)) as Error;
  assert.is(error.name, 'ResourceNotFoundException');
  assert.is(error.message, `Function not found: ${ARN}:7`);
});

test('GetFunction: a name outside the FunctionName pattern is a ValidationException', async () => {
  const raw = await h.emulator.app.inject({ method: 'GET', url: `/2015-03-31/functions/${encodeURIComponent('bad name!')}` });
  assert.is(raw.statusCode, 400);
  assert.is(raw.headers['x-amzn-errortype'], 'ValidationException');
  assert.match(JSON.parse(raw.body).message, /^1 validation error detected: Value 'bad name!' at 'functionName' failed to satisfy constraint/);
});

test('GetFunctionConfiguration: the same configuration as GetFunction; the inline function\'s code is a zip too', async () => {
  const configuration = await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: ZIP_FUNCTION }));
  const { Configuration } = await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }));
  assert.equal({ ...configuration, $metadata: undefined }, { ...Configuration, $metadata: undefined });
  const inline = await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: INLINE_FUNCTION }));
  assert.ok(inline.CodeSize! > 0);
  assert.is(inline.Timeout, 3);
  assert.is(inline.MemorySize, 128);
  assert.is(inline.Environment, undefined);
});

test('GetFunctionConfiguration: an unknown function is ResourceNotFoundException', async () => {
  const error = (await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'gone' })).catch((e) => e)) as Error;
  assert.is(error.name, 'ResourceNotFoundException');
  assert.is(error.message, 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:gone');
});

test.run();
