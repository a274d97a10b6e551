import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { init } from '../../src/cli/init.js';
import { startCli, type ChildEmulator } from '../helpers/child.js';

// `cogniform init DIR` writes the starter, and `cogniform start DIR` serves it: a user signs up (the PreSignUp
// trigger confirms test.example users), signs in, and the JWT-protected route answers 200 with the token, 401 without.

let dir: string;
let cli: ChildEmulator | undefined;

test.before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-init-'));
});

test.after(async () => {
  await cli?.kill();
  await rm(dir, { recursive: true, force: true });
});

test('init: writes the starter, named after the folder, and start serves its route behind the JWT authorizer', async () => {
  const app = path.join(dir, 'my_app');
  assert.is(await init(app), 0);
  const yml = await readFile(path.join(app, 'serverless.yml'), 'utf8');
  assert.match(yml, /^service: my-app$/m);

  cli = await startCli(path.join(dir, 'data'), ['--no-watch', app]);
  const { routes } = (await (await fetch(`${cli.url}/_cogniform/routes`)).json()) as { routes: { path: string; url: string }[] };
  const hello = routes.find((r) => r.path === '/hello');
  assert.ok(hello, JSON.stringify(routes));
  const { stacks } = (await (await fetch(`${cli.url}/_cogniform/stacks`)).json()) as { stacks: { outputs: Record<string, string> }[] };
  const clientId = stacks[0]!.outputs.UserPoolClientId!;

  await cli.client.send(new SignUpCommand({ ClientId: clientId, Username: 'dev@test.example', Password: 'Passw0rd!Passw0rd' }));
  const { AuthenticationResult } = await cli.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dev@test.example', PASSWORD: 'Passw0rd!Passw0rd' },
  }));
  const withToken = await fetch(hello.url, { headers: { authorization: `Bearer ${AuthenticationResult!.AccessToken}` } });
  assert.is(withToken.status, 200, await withToken.clone().text());
  assert.is(((await withToken.json()) as { message: string }).message, 'hello');
  assert.is((await fetch(hello.url)).status, 401);
});

test('init: refuses to overwrite, and writes nothing', async () => {
  const app = path.join(dir, 'existing');
  assert.is(await init(app), 0);
  await writeFile(path.join(app, 'serverless.yml'), 'mine');
  await rm(path.join(app, 'src', 'hello.mjs'));
  assert.is(await init(app), 1);
  assert.is(await readFile(path.join(app, 'serverless.yml'), 'utf8'), 'mine');
  await readFile(path.join(app, 'src', 'hello.mjs')).then(
    () => assert.unreachable('hello.mjs was written although serverless.yml existed'),
    (error: NodeJS.ErrnoException) => assert.is(error.code, 'ENOENT'),
  );
});

test.run();
