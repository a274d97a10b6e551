import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';

// The mountCode bucket (`hot-reload`) beside code from S3: the host folder runs, and a saved file reloads.

let emulator: TestEmulator;
let lambda: LambdaClient;
const dir = mkdtempSync(path.join(tmpdir(), 'cogniform-deployments-'));
const codeDir = path.join(dir, 'code');
const writeHandler = (version: string) => writeFileSync(path.join(codeDir, 'handler.js'), `exports.main = async () => ${JSON.stringify(version)};\n`);

test.before(async () => {
  mkdirSync(codeDir);
  writeHandler('first');
  const template = {
    Resources: {
      Mounted: {
        Type: 'AWS::Lambda::Function',
        Properties: { FunctionName: 'mounted', Handler: 'handler.main', Runtime: 'nodejs20.x', Code: { S3Bucket: 'hot-reload', S3Key: './code' } },
      },
    },
  };
  writeFileSync(path.join(dir, 'template.json'), JSON.stringify(template));
  emulator = await startTestEmulator({ templates: { paths: [path.join(dir, 'template.json')], watch: false, stage: 'local', parameters: {} } });
  lambda = new LambdaClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
test.after(async () => {
  lambda.destroy();
  await emulator.close();
});

const invoke = async () => JSON.parse(new TextDecoder().decode((await lambda.send(new InvokeCommand({ FunctionName: 'mounted' }))).Payload));

test('Invoke: a hot-reload function runs its host folder (relative to the template) and reloads a saved file', async () => {
  assert.is(await invoke(), 'first');
  await new Promise((resolve) => setTimeout(resolve, 20));
  writeHandler('second');
  assert.is(await invoke(), 'second');
});

test('GetFunction: a hot-reload function has no zip: CodeSize 0, and its Location is the host folder', async () => {
  const { Configuration, Code } = await lambda.send(new GetFunctionCommand({ FunctionName: 'mounted' }));
  assert.is(Configuration!.CodeSize, 0);
  assert.is(Code!.Location, pathToFileURL(codeDir).href);
});

test.run();
