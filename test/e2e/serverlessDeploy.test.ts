import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { runServerless, SCRATCH, usesPlugin, type ServerlessCliName } from '../helpers/serverlessCli.js';

// `serverless deploy --stage local` of examples/serverless-api into a running cogniform, with each CLI users pick
// (issue [F]): the first deploy, the deployed pool's PreSignUp trigger running from the uploaded zip, the printed
// REST URL behind its authorizer, `info`, a redeploy with nothing to do, a code change, `deploy function`, `remove`.

const EXAMPLE = fileURLToPath(new URL('../../examples/serverless-api', import.meta.url));
const CLIENT_ID = 'notesweb0000000000000000001';
const PASSWORD = 'Notes-Passw0rd!';

/** The example as a user of `cli` has it: osls 4 cannot load serverless-localstack, so its copy lists no plugin. */
async function serviceCopy(cli: ServerlessCliName): Promise<string> {
  await mkdir(SCRATCH, { recursive: true });
  const dir = await mkdtemp(path.join(SCRATCH, `service-${cli}-`));
  await cp(EXAMPLE, dir, { recursive: true });
  if (!usesPlugin(cli)) {
    const file = path.join(dir, 'serverless.yml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^plugins:\n(  - .*\n)+/m, ''));
  }
  return dir;
}

function deploySuite(cli: ServerlessCliName) {
  const it = suite(`serverless deploy (${cli})`);
  let emulator: TestEmulator;
  let service: string;
  const sls = (...args: string[]) => runServerless(cli, service, [...args, '--stage', 'local'], { port: emulator.port });
  const routeUrl = async (apiType: 'REST' | 'HTTP', routePath: string) => {
    const { routes } = (await (await fetch(`${emulator.url}/_cogniform/routes`)).json()) as { routes: { apiType: string; path: string; url: string }[] };
    return routes.find((r) => r.apiType === apiType && r.path === routePath)?.url;
  };
  const hello = async () => (await (await fetch((await routeUrl('REST', '/hello'))!)).json()) as { message: string };
  const setGreeting = async (greeting: string) => {
    const file = path.join(service, 'src/hello.js');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/message: `[^`$]*/, `message: \`${greeting} `));
  };
  let printedRestUrl: string | undefined;

  it.before(async () => {
    // `localhost` binds IPv4 and IPv6: the plugin prints http://localhost:<port>/... URLs.
    emulator = await startTestEmulator({ host: 'localhost' });
    service = await serviceCopy(cli);
  });
  it.after(async () => {
    // A failed start leaves these unset; uvu ends the whole run on an error thrown here.
    await emulator?.close();
    if (service) await rm(service, { recursive: true, force: true });
  });

  it('deploy: the first deploy creates the stack through change sets and prints the endpoints', async () => {
    const run = await sls('deploy');
    assert.is(run.code, 0, run.output);
    assert.match(run.output, /Service deployed to stack notes-local/);
    const { stacks } = (await (await fetch(`${emulator.url}/_cogniform/stacks`)).json()) as { stacks: { name: string; status: string }[] };
    assert.is(stacks.find((s) => s.name === 'notes-local')?.status, 'UPDATE_COMPLETE');
    printedRestUrl = /(http:\/\/localhost:\d+\/restapis\/\w+\/local\/_user_request_)/.exec(run.output)?.[1];
    if (usesPlugin(cli)) assert.ok(printedRestUrl, `no local REST URL printed:\n${run.output}`);
  });

  it('deploy: the deployed PreSignUp trigger confirms a test.example user, and the REST route wants their token', async () => {
    const signedUp = await emulator.client.send(new SignUpCommand({
      ClientId: CLIENT_ID, Username: 'ann@test.example', Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'ann@test.example' }],
    }));
    assert.is(signedUp.UserConfirmed, true);
    const { AuthenticationResult } = await emulator.client.send(new InitiateAuthCommand({
      ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ann@test.example', PASSWORD },
    }));
    const me = printedRestUrl ? `${printedRestUrl}/me` : (await routeUrl('REST', '/me'))!;
    assert.is((await fetch(me)).status, 401);
    const answer = await fetch(me, { headers: { authorization: AuthenticationResult!.IdToken! } });
    assert.is(answer.status, 200);
    assert.is(((await answer.json()) as { email: string }).email, 'ann@test.example');
  });

  it('info: prints the stack and its endpoints', async () => {
    const run = await sls('info');
    assert.is(run.code, 0, run.output);
    assert.match(run.output, /stack: notes-local/);
    assert.match(run.output, /endpoints?:/);
  });

  it('deploy: a second deploy with nothing changed is skipped', async () => {
    const run = await sls('deploy');
    assert.is(run.code, 0, run.output);
    assert.match(run.output, /No changes to deploy\. Deployment skipped\./);
  });

  it('deploy: a code change is deployed and the route runs the new code', async () => {
    await setGreeting('howdy');
    const run = await sls('deploy');
    assert.is(run.code, 0, run.output);
    assert.match(run.output, /Service deployed to stack notes-local/);
    assert.match((await hello()).message, /^howdy /);
  });

  it('deploy function: replaces one function\'s code in place', async () => {
    await setGreeting('ahoy');
    const run = await sls('deploy', 'function', '-f', 'hello');
    assert.is(run.code, 0, run.output);
    assert.match((await hello()).message, /^ahoy /);
  });

  it('remove: deletes the stack, its pool and its routes', async () => {
    const run = await sls('remove');
    assert.is(run.code, 0, run.output);
    const { stacks } = (await (await fetch(`${emulator.url}/_cogniform/stacks`)).json()) as { stacks: { name: string }[] };
    assert.not.ok(stacks.some((s) => s.name === 'notes-local'));
    const pools = await emulator.call('ListUserPools', { MaxResults: 60 });
    assert.equal(pools.body.UserPools, []);
    assert.is(await routeUrl('REST', '/hello'), undefined);
  });

  it.run();
}

deploySuite('osls3');
deploySuite('serverless3');
deploySuite('osls4');
