import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateUserPoolCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnCli, startCli, type ChildEmulator } from '../../helpers/child.js';

// The LevelDB lock keeps a second process off a data dir in use: two writers would be a crash of a different kind.

const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-lock-'));
let emulator: ChildEmulator | undefined;
test.after(async () => {
  await emulator?.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

test('cogniform start: a second cogniform on the same data dir stops with a clear message', async () => {
  emulator = await startCli(dataDir);
  const second = spawnCli(['start', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]);
  const exit = await second.exited;
  assert.is(exit.code, 1, exit.stdout + exit.stderr);
  assert.match(exit.stderr, /^cogniform: cannot open the data dir: .*LOCK.*\. Is another cogniform using it\?$/m);
  assert.not.match(exit.stdout, /listening on/);
  // The running one is unharmed.
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'still-writable' }));
  assert.is((await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }))).UserPool!.Name, 'still-writable');
});

test.run();
