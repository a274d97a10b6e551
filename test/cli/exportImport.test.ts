import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CognitoIdentityClient, CreateIdentityPoolCommand, DescribeIdentityPoolCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { confirmedUser, passwordSignIn, setUp } from '../cognito/operations/signIn/signInFixtures.js';
import { spawnCli, startCli, type ChildEmulator } from '../helpers/child.js';
import { awsClient, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The commands themselves: `cogniform export FILE --endpoint`, `cogniform import FILE --data-dir` on a stopped data
// dir, then `cogniform start` on it; a bad file exits 1 naming the problem.

let source: TestEmulator;
let cli: ChildEmulator | undefined;
let dir: string;

test.before(async () => {
  source = await startTestEmulator();
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-cli-state-'));
});

test.after(async () => {
  await source.close();
  await cli?.kill();
  await rm(dir, { recursive: true, force: true });
});

test('export/import: a file from a running emulator, imported into a stopped data dir, serves the same users and identity pools', async () => {
  const setup = await setUp(source);
  await confirmedUser(source, setup, 'carol');
  const sourceIdentity = awsClient(CognitoIdentityClient, source);
  const { IdentityPoolId } = await sourceIdentity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'guests', AllowUnauthenticatedIdentities: true }));
  await sourceIdentity.send(new GetIdCommand({ IdentityPoolId }));
  sourceIdentity.destroy();
  const file = path.join(dir, 'state.json');
  const exported = await spawnCli(['export', file, '--endpoint', source.url]).exited;
  assert.is(exported.code, 0, exported.stderr);
  assert.is(JSON.parse(await readFile(file, 'utf8')).format, 'cogniform-state');

  const dataDir = path.join(dir, 'data');
  const imported = await spawnCli(['import', file, '--data-dir', dataDir]).exited;
  assert.is(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, '1 pools, 1 users, 1 identity pools (1 identities)');
  cli = await startCli(dataDir);
  assert.ok((await passwordSignIn(cli, setup.clientId, 'carol')).AuthenticationResult?.AccessToken);
  const identity = awsClient(CognitoIdentityClient, cli);
  try {
    assert.is((await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId }))).IdentityPoolName, 'guests');
  } finally {
    identity.destroy();
  }
});

test('import: a bad file exits 1 and says what is wrong', async () => {
  const file = path.join(dir, 'bad.json');
  await writeFile(file, JSON.stringify({ format: 'cogniform-state', version: 1 }));
  const result = await spawnCli(['import', file, '--data-dir', path.join(dir, 'untouched')]).exited;
  assert.is(result.code, 1);
  assert.match(result.stderr, 'pools is missing');
});

test.run();
