import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { zipSync } from 'fflate';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUCKET, decode, handlerSource, INLINE_FUNCTION, startLambdaHarness, withLambdaHarness, ZIP_FUNCTION } from './harness.js';

// Function code from a deploy: the zip a template's Code names in the local S3 (or inline ZipFile source) is what
// runs, a new S3Key runs at once, and LastModified moves only when the stack changes the function.

const h = withLambdaHarness(test);

const invoke = async (name: string, payload: unknown = {}) =>
  decode((await h.lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(payload) }))).Payload);

test('Reconcile: a function whose S3 object is missing is skipped with a line naming it, the bucket and the key', async () => {
  await h.deploy('missing/app.zip');
  const line = h.logged.find((l) => l.includes(ZIP_FUNCTION) && l.includes('cannot run'));
  assert.ok(line, h.logged.join('\n'));
  assert.ok(line.includes(`s3://${BUCKET}/missing/app.zip`), line);
  const error = await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION })).catch((e: Error) => e);
  assert.is((error as Error).name, 'ResourceNotFoundException');
});

test('Invoke: runs the zip a template names in the local S3, and the inline ZipFile source as index.js', async () => {
  await h.putZip('v1/app.zip', handlerSource('v1'));
  await h.deploy('v1/app.zip');
  assert.equal(await invoke(ZIP_FUNCTION, { n: 1 }), { version: 'v1', greeting: 'hi', event: { n: 1 } });
  assert.equal(await invoke(INLINE_FUNCTION, { n: 2 }), { inline: true, event: { n: 2 } });
});

test('GetFunction: CodeSha256 and CodeSize are the zip\'s; LastModified stays through a reconcile that changes nothing', async () => {
  const zip = await h.putZip('v1b/app.zip', handlerSource('v1b'));
  await h.deploy('v1b/app.zip');
  const first = (await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Configuration!;
  assert.is(first.CodeSha256, createHash('sha256').update(zip).digest('base64'));
  assert.is(first.CodeSize, zip.byteLength);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await h.emulator.templates.reconcileAll();
  const again = (await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Configuration!;
  assert.is(again.LastModified, first.LastModified);
  assert.is(again.RevisionId, first.RevisionId);
});

test('Invoke: a template whose Code changes S3Key runs the new code at once, with a later LastModified', async () => {
  const before = (await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Configuration!;
  await h.putZip('v2/app.zip', handlerSource('v2'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  await h.deploy('v2/app.zip');
  assert.equal(await invoke(ZIP_FUNCTION), { version: 'v2', greeting: 'hi', event: {} });
  const after = (await h.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Configuration!;
  assert.ok(after.LastModified! > before.LastModified!, `${after.LastModified} > ${before.LastModified}`);
});

test('Reconcile: a zip with a `..` entry is refused, and the function is skipped saying so', async () => {
  await h.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'evil/app.zip', Body: zipSync({ '../escape.js': new Uint8Array([1]) }) }));
  await h.deploy('evil/app.zip');
  assert.ok(h.logged.some((l) => l.includes(ZIP_FUNCTION) && l.includes('not a zip cogniform can unpack')), h.logged.join('\n'));
});

test('GetFunction: LastModified and the running code survive a restart', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-lambda-restart-'));
  const templates = mkdtempSync(path.join(tmpdir(), 'cogniform-lambda-restart-templates-'));
  const first = await startLambdaHarness({ inMemory: false, dataDir }, templates);
  await first.putZip('r1/app.zip', handlerSource('r1'));
  await first.deploy('r1/app.zip');
  const before = (await first.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Configuration!;
  await first.close();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const second = await startLambdaHarness({ inMemory: false, dataDir }, templates);
  try {
    const after = (await second.lambda.send(new GetFunctionCommand({ FunctionName: ZIP_FUNCTION }))).Configuration!;
    assert.is(after.LastModified, before.LastModified);
    assert.is(after.CodeSha256, before.CodeSha256);
    assert.equal(decode((await second.lambda.send(new InvokeCommand({ FunctionName: ZIP_FUNCTION }))).Payload), { version: 'r1', greeting: 'hi', event: {} });
  } finally {
    await second.close();
  }
});

test.run();
