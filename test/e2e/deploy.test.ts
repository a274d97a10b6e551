import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnCli, startCli, type ChildEmulator } from '../helpers/child.js';

// `cogniform deploy TEMPLATE`: one reconcile against a running emulator (started without templates).

let folder: string;
let cli: ChildEmulator;

const template = (group: string) => `Parameters:
  Prefix:
    Type: String
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Metadata:
      cogniform:
        id: us-east-1_Deployed1
    Properties:
      UserPoolName: !Sub '\${Prefix}-pool'
  Group:
    Type: AWS::Cognito::UserPoolGroup
    Properties:
      UserPoolId: !Ref Pool
      GroupName: ${group}
`;

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cogniform-deploy-'));
  cli = await startCli(path.join(folder, '.cogniform'));
});
test.after(async () => {
  await cli?.kill();
  await rm(folder, { recursive: true, force: true });
});

const deploy = (file: string, ...args: string[]) => spawnCli(['deploy', file, '--endpoint', cli.url, ...args]).exited;
const groups = async () =>
  ((await cli.client.send(new ListGroupsCommand({ UserPoolId: 'us-east-1_Deployed1' }))).Groups ?? []).map((g) => g.GroupName);

test('deploy: reconciles the template once into the running emulator and prints what changed', async () => {
  const file = path.join(folder, 'auth.yaml');
  await writeFile(file, template('admins'));
  const first = await deploy(file, '--param', 'Prefix=shop');
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, /\+ Pool AWS::Cognito::UserPool us-east-1_Deployed1/);
  assert.equal(await groups(), ['admins']);
  await writeFile(file, template('editors'));
  const second = await deploy(file, '--param', 'Prefix=shop');
  assert.is(second.code, 0, second.stderr);
  assert.match(second.stdout, /± Group AWS::Cognito::UserPoolGroup editors/);
  assert.equal(await groups(), ['editors']);
});

test('deploy: a template that does not resolve exits 1 with file:line and the reason; nothing changes', async () => {
  const file = path.join(folder, 'auth.yaml');
  const failed = await deploy(file);
  assert.is(failed.code, 1);
  assert.match(failed.stderr, /auth\.yaml:\d+:\d+ .*Prefix.*--param/);
  assert.equal(await groups(), ['editors']);
});

test('deploy: without a running emulator it says so and exits 1', async () => {
  const exit = await spawnCli(['deploy', path.join(folder, 'auth.yaml'), '--endpoint', 'http://127.0.0.1:9']).exited;
  assert.is(exit.code, 1);
  assert.match(exit.stderr, /no emulator answers at http:\/\/127\.0\.0\.1:9/);
});

test('deploy: the endpoint answers a body without a path with 400', async () => {
  const response = await fetch(`${cli.url}/_cogniform/deploy`, { method: 'POST', body: '{"stage": 1}', headers: { 'content-type': 'application/json' } });
  assert.is(response.status, 400);
  assert.match(((await response.json()) as { message: string }).message, /"path"/);
});

test.run();
