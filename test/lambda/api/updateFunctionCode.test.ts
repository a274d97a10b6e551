import { createHash } from 'node:crypto';
import { GetFunctionCommand, InvokeCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUCKET, decode, handlerSource, withLambdaHarness, ZIP_FUNCTION, zipOf } from './harness.js';

const h = withLambdaHarness(test, { key: 'code/v1.zip', version: 'v1' });

const invoke = async () => decode((await h.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION }))).Payload) as { version: string };
const configuration = async () => (await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Configuration!;

test('UpdateFunctionCode: a ZipFile runs on the next invocation; the answer has its CodeSha256, CodeSize and a later LastModified', async () => {
  assert.is((await invoke()).version, 'v1');
  const before = await configuration();
  const zip = zipOf(handlerSource('api'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  const answer = await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: ZIP_FUNCTION, ZipFile: zip }));
  assert.is(answer.CodeSha256, createHash('sha256').update(zip).digest('base64'));
  assert.is(answer.CodeSize, zip.byteLength);
  assert.ok(answer.LastModified! > before.LastModified!);
  assert.is(answer.State, 'Active');
  assert.is(answer.LastUpdateStatus, 'Successful');
  assert.is((await invoke()).version, 'api');
  assert.is((await configuration()).CodeSha256, answer.CodeSha256);
});

test('UpdateFunctionCode: the new code stays through a reconcile that leaves the function alone, and a stack change wins', async () => {
  await h.emulator.templates.reconcileAll();
  assert.is((await invoke()).version, 'api');
  await h.putZip('code/v2.zip', handlerSource('v2'));
  await h.deploy('code/v2.zip');
  assert.is((await invoke()).version, 'v2');
});

test('UpdateFunctionCode: S3Bucket and S3Key name a zip in the local S3', async () => {
  await h.putZip('code/s3.zip', handlerSource('s3'));
  const answer = await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: ZIP_FUNCTION, S3Bucket: BUCKET, S3Key: 'code/s3.zip' }));
  assert.is((await invoke()).version, 's3');
  assert.is((await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Code!.Location, `${h.emulator.url}/${BUCKET}/code/s3.zip`);
  assert.is(answer.FunctionName, ZIP_FUNCTION);
});

test('UpdateFunctionCode: DryRun checks the package and changes nothing', async () => {
  const before = await configuration();
  const answer = await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: ZIP_FUNCTION, ZipFile: zipOf(handlerSource('dry')), DryRun: true }));
  assert.is(answer.CodeSha256, before.CodeSha256);
  assert.is((await invoke()).version, 's3');
});

test('UpdateFunctionCode: bad input answers as Lambda does', async () => {
  const send = (input: object) => h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: ZIP_FUNCTION, ...input })).catch((e: Error) => e);
  const notZip = (await send({ ZipFile: new TextEncoder().encode('not a zip') })) as Error;
  assert.is(notZip.name, 'InvalidParameterValueException');
  assert.is(notZip.message, 'Could not unzip uploaded file. Please check your file, then try to upload again.');
  const slip = (await send({ ZipFile: zipOf({ '/etc/evil.js': 'x' }) })) as Error;
  assert.is(slip.name, 'InvalidParameterValueException');
  const missing = (await send({ S3Bucket: BUCKET, S3Key: 'code/none.zip' })) as Error;
  assert.is(missing.name, 'InvalidParameterValueException');
  assert.match(missing.message, /^Error occurred while GetObject\. S3 Error Code: NoSuchKey\./);
  const nothing = (await send({})) as Error;
  assert.is(nothing.name, 'InvalidParameterValueException');
  const unknown = (await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'nope', ZipFile: zipOf(handlerSource('x')) })).catch((e) => e)) as Error;
  assert.is(unknown.name, 'ResourceNotFoundException');
  const badJson = await h.emulator.app.inject({ method: 'PUT', url: `/2015-03-31/functions/${ZIP_FUNCTION}/code`, payload: '{"ZipFile":', headers: { 'content-type': 'application/json' } });
  assert.is(badJson.statusCode, 400);
  assert.is(badJson.headers['x-amzn-errortype'], 'InvalidRequestContentException');
  assert.match(JSON.parse(badJson.body).message, /^Could not parse request body into json: /);
  assert.is((await invoke()).version, 's3');
});

test.run();
