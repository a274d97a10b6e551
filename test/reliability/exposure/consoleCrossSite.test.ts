import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { withEmulator } from '../../helpers/emulator.js';

/**
 * A web page of another site cannot drive the emulator through the developer's browser. cogniform's APIs take
 * unsigned calls, and a browser sends a form post or a `no-cors` text/plain post to http://localhost:4566 without a
 * CORS preflight: before src/server/crossSite.ts, a page could create a CloudFormation stack with an inline Lambda
 * function and invoke it, running its code on the developer's machine (found by this family; see RELIABILITY.md).
 * Browsers name the page in `Origin`; calls without one (SDKs, the CLI) and from loopback pages are unaffected.
 */
const test = suite('exposure: cross-site calls');
const running = withEmulator(test, (emulator) => emulator.client);
const EVIL = 'https://evil.example';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const template = JSON.stringify({
  Resources: {
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        FunctionName: 'page-code', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::000000000000:role/x',
        Code: { ZipFile: "exports.handler = async () => 'ran';" },
      },
    },
  },
});
const createStack = (name: string) => new URLSearchParams({ Action: 'CreateStack', Version: '2010-05-15', StackName: name, TemplateBody: template }).toString();

const post = (url: string, headers: Record<string, string>, payload: string) => running.emulator.app.inject({ method: 'POST', url, headers, payload });
const refusedAsCrossSite = (answer: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) => {
  assert.is(answer.statusCode, 403, `${what}: ${answer.body.slice(0, 200)}`);
  assert.is(answer.headers['x-amzn-errortype'], 'AccessDeniedException', what);
  assert.match(JSON.parse(answer.body).message, /another site/, what);
};

async function stackStatus(name: string): Promise<string | undefined> {
  for (let i = 0; i < 100; i++) {
    const answer = await post('/', FORM, `Action=DescribeStacks&Version=2010-05-15&StackName=${name}`);
    const status = /<StackStatus>(\w+)</.exec(answer.body)?.[1];
    if (!status || !status.endsWith('_IN_PROGRESS')) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return 'still in progress';
}

test('cross-site: a page cannot create a stack with an inline function, nor invoke one (no code of its runs here)', async () => {
  for (const origin of [EVIL, 'null', 'http://192.168.1.20:3000', 'https://localhost.evil.example']) {
    refusedAsCrossSite(await post('/', { ...FORM, origin }, createStack('from-a-page')), `CreateStack from ${origin}`);
  }
  assert.is(await stackStatus('from-a-page'), undefined, 'no stack was made');
  // The same stack from a client without Origin (the AWS CLI, serverless) is made, and its function runs...
  assert.is((await post('/', FORM, createStack('from-the-cli'))).statusCode, 200);
  assert.is(await stackStatus('from-the-cli'), 'CREATE_COMPLETE');
  const invoke = (headers: Record<string, string>) => post('/2015-03-31/functions/page-code/invocations', { 'content-type': 'text/plain', ...headers }, '{}');
  // (The stack's functions go live just after the stack completes.)
  let direct = await invoke({});
  for (let i = 0; i < 100 && direct.statusCode === 404; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    direct = await invoke({});
  }
  assert.equal([direct.statusCode, direct.body], [200, '"ran"']);
  // ...but a page's Invoke is refused.
  refusedAsCrossSite(await invoke({ origin: EVIL }), 'Invoke');
});

test('cross-site: a page cannot reset the emulator, import a state file, deploy, or call an admin operation', async () => {
  const { emulator } = running;
  const pool = await emulator.call('CreateUserPool', { PoolName: 'kept' });
  assert.is(pool.status, 200);
  refusedAsCrossSite(await post('/_cogniform/reset', { origin: EVIL }, ''), 'reset');
  refusedAsCrossSite(await post('/_cogniform/state', { origin: EVIL, 'content-type': 'text/plain' }, '{"version":2}'), 'state import');
  refusedAsCrossSite(await post('/_cogniform/deploy', { origin: EVIL, 'content-type': 'text/plain' }, '{"path":"serverless.yml"}'), 'deploy');
  const admin = await emulator.call('AdminCreateUser', { UserPoolId: pool.body.UserPool.Id, Username: 'planted' }, { origin: EVIL, 'content-type': 'text/plain' });
  assert.is(admin.status, 403);
  const described = await emulator.call('DescribeUserPool', { UserPoolId: pool.body.UserPool.Id });
  assert.is(described.status, 200, 'the pool is still there');
  assert.is(described.body.UserPool.EstimatedNumberOfUsers, 0, 'no user was planted');
});

test('cross-site: loopback pages, the emulator\'s own address and clients without Origin call as before', async () => {
  const { emulator } = running;
  for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:8080', 'http://app.execute-api.localhost:4566']) {
    const answer = await emulator.call('ListUserPools', { MaxResults: 5 }, { origin });
    assert.is(answer.status, 200, `${origin}: ${JSON.stringify(answer.body)}`);
  }
  // The console opened at a LAN IP address calls its own origin; a DNS name pointed at this machine does not pass.
  assert.is((await emulator.call('ListUserPools', { MaxResults: 5 }, { origin: 'http://192.168.1.20:4566', host: '192.168.1.20:4566' })).status, 200);
  assert.is((await emulator.call('ListUserPools', { MaxResults: 5 }, { origin: 'http://rebound.example:4566', host: 'rebound.example:4566' })).status, 403);
  // Reads are not refused, and carry no CORS header: the browser keeps their answer from the page.
  const codes = await emulator.app.inject({ method: 'GET', url: '/_cogniform/codes', headers: { origin: EVIL } });
  assert.is(codes.statusCode, 200);
  assert.is(codes.headers['access-control-allow-origin'], undefined);
  // The hosted UI's forms are not the emulator's control surface: a foreign Origin gets the page's own answer.
  const login = await post('/login', { ...FORM, origin: EVIL }, 'username=a&password=b');
  assert.ok(login.statusCode !== 403 || !String(login.headers['x-amzn-errortype'] ?? '').includes('AccessDenied'), `login: ${login.statusCode}`);
});

test.run();
