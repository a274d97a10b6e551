import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsService, type CliResult } from '../helpers/awsCli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The Debian AWS CLI (botocore) against the local S3: its high-level `aws s3` commands go multipart above 8 MB
// (its default multipart_threshold), list with encoding-type=url and delete in DeleteObjects batches.

let emulator: TestEmulator;
let dir: string;
let s3: ReturnType<typeof awsService>;
let s3api: ReturnType<typeof awsService>;
test.before(async () => {
  emulator = await startTestEmulator();
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-s3cli-'));
  // By IP, so that botocore stays path-style.
  const endpoint = emulator.url.replace('localhost', '127.0.0.1');
  s3 = awsService(endpoint, 's3');
  s3api = awsService(endpoint, 's3api');
});
test.after(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

/** The command's standard output; a failing command fails the test. */
async function output(command: Promise<CliResult>): Promise<string> {
  const result = await command;
  assert.is(result.code, 0, result.stderr);
  return result.stdout;
}

test('aws s3 cp: a 9 MB file goes multipart and comes back whole, with its metadata on head-object', async () => {
  await output(s3api('create-bucket', '--bucket', 'cli-bucket'));
  const file = path.join(dir, 'big.bin');
  const content = Buffer.alloc(9 * 1024 * 1024 + 17);
  for (let i = 0; i < content.length; i += 4096) content[i] = i % 251;
  await writeFile(file, content);
  await output(s3('cp', file, 's3://cli-bucket/dir with space/big.bin', '--metadata', 'filesha256=abc+/='));
  const head = JSON.parse(await output(s3api('head-object', '--bucket', 'cli-bucket', '--key', 'dir with space/big.bin')));
  assert.is(head.ContentLength, content.length);
  assert.equal(head.Metadata, { filesha256: 'abc+/=' });
  assert.match(head.ETag, /^"[0-9a-f]{32}-2"$/);
  const back = path.join(dir, 'back.bin');
  await output(s3('cp', 's3://cli-bucket/dir with space/big.bin', back));
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  assert.is(sha(await readFile(back)), sha(content));
});

test('aws s3 ls: lists prefixes and objects; rm --recursive empties the bucket', async () => {
  const small = path.join(dir, 'small.txt');
  await writeFile(small, 'small');
  await output(s3('cp', small, 's3://cli-bucket/top.txt'));
  await output(s3('cp', small, 's3://cli-bucket/ünï/ĉodé.txt'));
  const top = await output(s3('ls', 's3://cli-bucket/'));
  assert.match(top, /PRE dir with space\//);
  assert.match(top, /PRE ünï\//);
  assert.match(top, /\s5 top\.txt/);
  const all = await output(s3('ls', '--recursive', 's3://cli-bucket/'));
  assert.match(all, /ünï\/ĉodé\.txt/);
  assert.match(all, /dir with space\/big\.bin/);
  await output(s3('rm', '--recursive', 's3://cli-bucket/'));
  assert.is((await output(s3('ls', '--recursive', 's3://cli-bucket/'))).trim(), '');
  await output(s3api('delete-bucket', '--bucket', 'cli-bucket'));
});

test('aws s3api head-object: a missing key fails with a 404', async () => {
  await output(s3api('create-bucket', '--bucket', 'cli-empty'));
  const missing = await s3api('head-object', '--bucket', 'cli-empty', '--key', 'nothing');
  assert.is.not(missing.code, 0, 'head-object of a missing key succeeded');
  assert.match(missing.stderr, /404/);
});

test.run();
