import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { createPool } from '../helpers/fixtures.js';

// `cogniform aws ...` runs the real AWS CLI (the Debian one: /usr/bin comes first on PATH) against the emulator,
// with no credentials, region or config of the user's.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let emulator: TestEmulator;
let home: string;

test.before(async () => {
  emulator = await startTestEmulator();
  await createPool(emulator, { PoolName: 'from-aws-cli' });
  home = await mkdtemp(path.join(tmpdir(), 'cogniform-aws-home-'));
});

test.after(async () => {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

function cogniform(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && !name.startsWith('COGNIFORM_')),
  );
  Object.assign(env, { HOME: home, PATH: `/usr/bin:${process.env.PATH}`, AWS_CONFIG_FILE: path.join(home, 'none'), ...extraEnv });
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cogniform.ts', ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('aws: list-user-pools through --endpoint with dummy credentials', async () => {
  const result = await cogniform(['aws', '--endpoint', emulator.url, 'cognito-idp', 'list-user-pools', '--max-results', '5']);
  assert.is(result.code, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).UserPools.map((p: { Name: string }) => p.Name), ['from-aws-cli']);
});

test('aws: the endpoint comes from COGNIFORM_PORT without --endpoint', async () => {
  const result = await cogniform(['aws', 'cognito-idp', 'list-user-pools', '--max-results', '5'], { COGNIFORM_PORT: String(emulator.port) });
  assert.is(result.code, 0, result.stderr);
  assert.is(JSON.parse(result.stdout).UserPools.length, 1);
});

test('aws: a failing call passes the CLI\'s exit code and error on', async () => {
  const result = await cogniform(['aws', '--endpoint', emulator.url, 'cognito-idp', 'describe-user-pool', '--user-pool-id', 'us-east-1_nothere1']);
  // 254: the AWS CLI's code for an error the service answered (AWS CLI user guide, "Return codes").
  assert.is(result.code, 254);
  assert.match(result.stderr, 'ResourceNotFoundException');
});

test.run();
