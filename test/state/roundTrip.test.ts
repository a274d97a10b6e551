import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { importCommand } from '../../src/cli/import.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import {
  addClient,
  confirmedUser,
  passwordSignIn,
  PASSWORD,
  setUp,
  srpStart,
} from '../cognito/operations/signIn/signInFixtures.js';

// Export from one emulator, import into a fresh data dir, start a new emulator on it: the users sign in with their
// passwords (USER_PASSWORD_AUTH and SRP), and tokens issued before the export still work after the import.

let source: TestEmulator;
let target: TestEmulator | undefined;
let dir: string;

test.before(async () => {
  source = await startTestEmulator();
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-state-'));
});

test.after(async () => {
  await source.close();
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

test('import: a fresh data dir gets every user, group and client back, and tokens from before still verify', async () => {
  const setup = await setUp(source);
  const secretClient = await addClient(source, setup.poolId, { ClientName: 'backend', GenerateSecret: true });
  await confirmedUser(source, setup, 'alice', [{ Name: 'email', Value: 'alice@example.com' }]);
  await confirmedUser(source, setup, 'bob');
  await source.client.send(new CreateGroupCommand({ UserPoolId: setup.poolId, GroupName: 'admins', Precedence: 1 }));
  await source.client.send(new AdminAddUserToGroupCommand({ UserPoolId: setup.poolId, Username: 'alice', GroupName: 'admins' }));
  const before = (await passwordSignIn(source, setup.clientId, 'alice')).AuthenticationResult!;
  const { UserPoolClient: secretBefore } = await source.client.send(
    new DescribeUserPoolClientCommand({ UserPoolId: setup.poolId, ClientId: secretClient }),
  );

  const exported = await fetch(`${source.url}/_cogniform/state`);
  assert.is(exported.status, 200);
  const file = path.join(dir, 'state.json');
  await writeFile(file, await exported.text());
  const dataDir = path.join(dir, 'data');
  assert.is(await importCommand({ endpoint: 'http://127.0.0.1:1', dataDir }, file), 0);
  target = await startTestEmulator({ inMemory: false, dataDir });

  for (const username of ['alice', 'bob']) {
    const signedIn = await passwordSignIn(target, setup.clientId, username);
    assert.ok(signedIn.AuthenticationResult?.AccessToken, `${username} signs in with the password`);
  }
  const { srp, response } = await srpStart(target, setup, 'bob');
  const answered = await target.client.send(new RespondToAuthChallengeCommand({
    ClientId: setup.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: response.Session,
    ChallengeResponses: srp.answer(response.ChallengeParameters!, PASSWORD),
  }));
  assert.ok(answered.AuthenticationResult?.IdToken, 'bob signs in with SRP');

  const { Groups } = await target.client.send(new AdminListGroupsForUserCommand({ UserPoolId: setup.poolId, Username: 'alice' }));
  assert.equal(Groups!.map((g) => [g.GroupName, g.Precedence]), [['admins', 1]]);
  const { UserPoolClient: secretAfter } = await target.client.send(
    new DescribeUserPoolClientCommand({ UserPoolId: setup.poolId, ClientId: secretClient }),
  );
  assert.is(secretAfter!.ClientSecret, secretBefore!.ClientSecret);
  const { UserPool } = await target.client.send(new DescribeUserPoolCommand({ UserPoolId: setup.poolId }));
  assert.is(UserPool!.EstimatedNumberOfUsers, 2);

  const keys = createRemoteJWKSet(new URL(`${target.url}/${setup.poolId}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(before.IdToken!, keys, { audience: setup.clientId });
  assert.is(payload['cognito:username'], 'alice');
  const me = await target.client.send(new GetUserCommand({ AccessToken: before.AccessToken }));
  assert.is(me.Username, 'alice');
});

test.run();
