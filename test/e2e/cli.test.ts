import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AdminCreateUserCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnCli, startCli } from '../helpers/child.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-cli-'));
test.after(() => rmSync(dataDir, { recursive: true, force: true }));

test('CLI: --help prints the commands and exits 0', async () => {
  const exit = await spawnCli(['--help']).exited;
  assert.is(exit.code, 0);
  assert.match(exit.stdout, /cogniform start \[PATH...\] \[options\]/);
  assert.match(exit.stdout, /--param KEY=VALUE/);
  assert.match(exit.stdout, /--data-dir DIR/);
});

test('CLI: an unknown command, flag or bad port exits 2 and says what is wrong', async () => {
  const unknown = await spawnCli(['launch']).exited;
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "launch"/);
  const flag = await spawnCli(['start', '--colour']).exited;
  assert.is(flag.code, 2);
  assert.match(flag.stderr, /--colour/);
  const port = await spawnCli(['start', '--port', 'eighty']).exited;
  assert.is(port.code, 2);
  assert.match(port.stderr, /--port: "eighty" is not a port number/);
});

test('CLI: start prints where it listens, its data, its console and the pages it allows; codes lists what it sent', async () => {
  const emulator = await startCli(dataDir, ['--allow-origin', 'http://lan.test:3000']);
  try {
    const { stdout } = emulator.output();
    assert.match(stdout, /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.ok(stdout.includes(`state: LevelDB in ${dataDir}`), stdout);
    assert.ok(stdout.includes(`console at ${emulator.url}/_cogniform/ui`), stdout);
    assert.ok(stdout.includes('browser pages allowed besides loopback: http://lan.test:3000'), stdout);
    const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'cli' }));
    await emulator.client.send(new AdminCreateUserCommand({
      UserPoolId: UserPool!.Id, Username: 'carol', TemporaryPassword: 'Temp#Pass1',
      UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
    }));
    const listed = await spawnCli(['codes', '--endpoint', emulator.url, '--pool', UserPool!.Id!]).exited;
    assert.is(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /TEMPORARY_PASSWORD\s+Temp#Pass1\s+carol in /);
    assert.match(emulator.output().stdout, /Temporary password for carol in \S+: Temp#Pass1/);
  } finally {
    await emulator.kill();
  }
});

test('CLI: codes with no emulator to ask exits 1 and says so', async () => {
  const exit = await spawnCli(['codes', '--endpoint', 'http://127.0.0.1:9']).exited;
  assert.is(exit.code, 1);
  assert.match(exit.stderr, /no emulator answers at http:\/\/127\.0\.0\.1:9/);
});

test.run();
