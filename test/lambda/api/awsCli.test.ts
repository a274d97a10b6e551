import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsService } from '../../helpers/awsCli.js';
import { handlerSource, withLambdaHarness, ZIP_FUNCTION, zipOf } from './harness.js';

// The AWS CLI (Debian's) against the Lambda API: what a developer types.

const h = withLambdaHarness(test, { key: 'cli/v1.zip', version: 'v1' });
const dir = mkdtempSync(path.join(tmpdir(), 'cogniform-lambda-cli-'));
let aws: ReturnType<typeof awsService>;
test.before(() => {
  aws = awsService(h.emulator.url, 'lambda');
});

test('GetFunction: `aws lambda get-function` prints the configuration', async () => {
  const result = await aws('get-function', '--function-name', ZIP_FUNCTION);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.json.Configuration.FunctionName, ZIP_FUNCTION);
  assert.is(result.json.Configuration.State, 'Active');
  const missing = await aws('get-function', '--function-name', 'nope');
  assert.is.not(missing.code, 0);
  assert.match(missing.stderr, /ResourceNotFoundException.*Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope/);
});

test('Invoke: `aws lambda invoke` writes the payload to the outfile', async () => {
  const out = path.join(dir, 'out.json');
  const result = await aws('invoke', '--function-name', ZIP_FUNCTION, '--cli-binary-format', 'raw-in-base64-out', '--payload', '{"from":"cli"}', out);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.json.StatusCode, 200);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')), { version: 'v1', greeting: 'hi', event: { from: 'cli' } });
});

test('UpdateFunctionCode: `aws lambda update-function-code --zip-file fileb://` runs the new code', async () => {
  const zipFile = path.join(dir, 'cli.zip');
  writeFileSync(zipFile, zipOf(handlerSource('cli')));
  const result = await aws('update-function-code', '--function-name', ZIP_FUNCTION, '--zip-file', `fileb://${zipFile}`);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.json.LastUpdateStatus, 'Successful');
  const out = path.join(dir, 'after.json');
  await aws('invoke', '--function-name', ZIP_FUNCTION, out);
  assert.is(JSON.parse(readFileSync(out, 'utf8')).version, 'cli');
  // The CLI opens the file as a zip itself before sending it: this one is a valid zip the emulator refuses.
  writeFileSync(zipFile, zipOf({ '../escape.js': 'x' }));
  const bad = await aws('update-function-code', '--function-name', ZIP_FUNCTION, '--zip-file', `fileb://${zipFile}`);
  assert.match(bad.stderr, /InvalidParameterValueException.*Could not unzip uploaded file/);
});

test.run();
