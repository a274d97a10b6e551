import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, ConfirmSignUpCommand, CreateUserPoolClientCommand, CreateUserPoolCommand,
  InitiateAuthCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startCli, type ChildEmulator } from '../helpers/child.js';
import { eventually } from '../helpers/eventually.js';

// examples/serverless-api end to end, through the real CLI: sign up, confirm with the code from the inbox, sign in,
// and call each route with a valid, missing, tampered, other-pool and wrong-kind token; then edit a handler and
// see the next response change without a restart.

const EXAMPLE = fileURLToPath(new URL('../../examples/serverless-api', import.meta.url));
const POOL_ID = 'us-east-1_NotesPool1';
const CLIENT_ID = 'notesweb0000000000000000001';
const PASSWORD = 'Notes-Passw0rd!';

let folder: string;
let cli: ChildEmulator;
let tokens: { IdToken?: string; AccessToken?: string };
let otherPoolIdToken: string;

interface Route {
  apiType: 'REST' | 'HTTP';
  method: string;
  path: string;
  url: string;
}
let routes: Route[];
const url = (apiType: Route['apiType'], routePath: string) => routes.find((r) => r.apiType === apiType && r.path === routePath)!.url;

const call = async (target: string, token?: string) => {
  const response = await fetch(target, { headers: token ? { authorization: token } : {} });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cogniform-example-'));
  await cp(EXAMPLE, path.join(folder, 'app'), { recursive: true });
  cli = await startCli(path.join(folder, '.cogniform'), [path.join(folder, 'app')]);
  routes = ((await (await fetch(`${cli.url}/_cogniform/routes`)).json()) as { routes: Route[] }).routes;

  // A user signs up and confirms with the code cogniform "sent" (its inbox), then signs in.
  await cli.client.send(new SignUpCommand({
    ClientId: CLIENT_ID, Username: 'jo@example.com', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'jo@example.com' }],
  }));
  const { codes } = (await (await fetch(`${cli.url}/_cogniform/codes?userPoolId=${POOL_ID}`)).json()) as { codes: { code: string }[] };
  await cli.client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'jo@example.com', ConfirmationCode: codes[0]!.code }));
  const signedIn = await cli.client.send(new InitiateAuthCommand({
    ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'jo@example.com', PASSWORD },
  }));
  tokens = signedIn.AuthenticationResult!;

  // A user of another pool, whose tokens the API must refuse.
  const { UserPool } = await cli.client.send(new CreateUserPoolCommand({ PoolName: 'other' }));
  const { UserPoolClient } = await cli.client.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool!.Id, ClientName: 'other', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  await cli.client.send(new AdminCreateUserCommand({ UserPoolId: UserPool!.Id, Username: 'mallory', MessageAction: 'SUPPRESS' }));
  await cli.client.send(new AdminSetUserPasswordCommand({ UserPoolId: UserPool!.Id, Username: 'mallory', Password: PASSWORD, Permanent: true }));
  const other = await cli.client.send(new InitiateAuthCommand({
    ClientId: UserPoolClient!.ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'mallory', PASSWORD },
  }));
  otherPoolIdToken = other.AuthenticationResult!.IdToken!;
});
test.after(async () => {
  await cli?.kill();
  await rm(folder, { recursive: true, force: true });
});

test('example: GET /_cogniform/routes lists every route with its URL and authorizer; startup printed them', () => {
  const listed = routes.map((r) => `${r.apiType} ${r.method} ${r.path}`).sort();
  assert.equal(listed, ['HTTP GET /me', 'REST GET /admin', 'REST GET /hello', 'REST GET /me']);
  assert.match(url('REST', '/hello'), /^http:\/\/[^/]+\/restapis\/[a-z0-9]{10}\/local\/_user_request_\/hello$/);
  assert.match(cli.output().stdout, /routes:[\s\S]*_user_request_\/hello/);
});

test('example: the public REST route answers without a token', async () => {
  const response = await call(url('REST', '/hello'));
  assert.is(response.status, 200);
  assert.equal(response.body, { message: 'hello from stage local', path: '/hello' });
});

test('example: the COGNITO_USER_POOLS route takes the ID token (raw or Bearer) and hands the function its claims', async () => {
  for (const token of [tokens.IdToken!, `Bearer ${tokens.IdToken}`]) {
    const response = await call(url('REST', '/me'), token);
    assert.is(response.status, 200);
    assert.is(response.body.email, 'jo@example.com');
    assert.match(String(response.body.sub), /^[0-9a-f-]{36}$/);
  }
});

test('example: the COGNITO_USER_POOLS route refuses a missing, tampered, other-pool or access token with 401', async () => {
  const [header, payload, signature] = tokens.IdToken!.split('.');
  const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), email: 'eve@example.com' })).toString('base64url')}.${signature}`;
  for (const token of [undefined, tampered, otherPoolIdToken, tokens.AccessToken!]) {
    const response = await call(url('REST', '/me'), token);
    assert.is(response.status, 401, String(token).slice(0, 20));
    assert.equal(response.body, { message: 'Unauthorized' });
  }
});

test('example: a route with scopes refuses a token without its scope', async () => {
  const response = await call(url('REST', '/admin'), tokens.AccessToken!);
  assert.is(response.status, 401);
});

test('example: the HTTP API JWT route takes the access token (client_id is the audience) and refuses none or another pool\'s', async () => {
  const ok = await call(url('HTTP', '/me'), `Bearer ${tokens.AccessToken}`);
  assert.is(ok.status, 200);
  assert.is(ok.body.username, (JSON.parse(Buffer.from(tokens.AccessToken!.split('.')[1]!, 'base64url').toString()) as { username: string }).username);
  assert.is((await call(url('HTTP', '/me'))).status, 401);
  assert.is((await call(url('HTTP', '/me'), `Bearer ${otherPoolIdToken}`)).status, 401);
});

test('example: editing a handler changes the next response without a restart', async () => {
  const handler = path.join(folder, 'app', 'src', 'hello.js');
  await writeFile(handler, (await readFile(handler, 'utf8')).replace('hello from stage', 'hi again from stage'));
  await eventually(async () => assert.equal((await call(url('REST', '/hello'))).body.message, 'hi again from stage local'));
});

test.run();
