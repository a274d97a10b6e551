import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildOperations } from '../../../src/cognito/operations/registry.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { bodyCases, rejectedCases, shorten, type BodyCase, type Grounding } from './cognitoBodies.js';
import { assertJsonError, assertNotServerError, differences, Figures, params, send, snapshot } from './harness.js';

// Every implemented Cognito operation fed random and malformed requests through `app.inject`: a 4xx AWS error
// (`__type`, `message`, x-amzn-ErrorType) or, for a well-typed request, possibly a 200; never a 5xx, never a hang.
// Then the refusals alone, against a pool with users, groups and clients: the database is byte-for-byte the same
// after each operation's batch.

// Deleting the seeded pool, client, user or group early would send every later operation to "not found".
const DESTRUCTIVE = /^(Admin)?Delete|^RevokeToken$|^GlobalSignOut$|^AdminUserGlobalSignOut$/;
const operations = [...buildOperations({} as never).keys()].sort((a, b) => Number(DESTRUCTIVE.test(a)) - Number(DESTRUCTIVE.test(b)) || a.localeCompare(b));

async function seed(emulator: TestEmulator): Promise<Grounding> {
  const ok = async (operation: string, body: object) => {
    const answer = await emulator.call(operation, body);
    assert.is(answer.status, 200, `${operation}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const pool = await ok('CreateUserPool', { PoolName: 'fuzz', AliasAttributes: ['email'], MfaConfiguration: 'OPTIONAL' });
  const UserPoolId = pool.UserPool.Id as string;
  const client = await ok('CreateUserPoolClient', {
    UserPoolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  await ok('CreateGroup', { UserPoolId, GroupName: 'g' });
  for (const name of ['alice', 'bob', 'carol']) {
    await ok('AdminCreateUser', { UserPoolId, Username: name, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }] });
    await ok('AdminSetUserPassword', { UserPoolId, Username: name, Password: 'Passw0rd!long', Permanent: true });
    await ok('AdminAddUserToGroup', { UserPoolId, Username: name, GroupName: 'g' });
  }
  await ok('CreateResourceServer', { UserPoolId, Identifier: 'api', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }] });
  const ClientId = client.UserPoolClient.ClientId as string;
  const auth = await ok('InitiateAuth', { ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!long' } });
  return {
    UserPoolId,
    ClientId,
    Username: 'alice',
    GroupName: 'g',
    Identifier: 'api',
    ResourceArn: pool.UserPool.Arn,
    AccessToken: auth.AuthenticationResult.AccessToken,
    Token: auth.AuthenticationResult.RefreshToken,
  };
}

function request(c: BodyCase) {
  return {
    method: 'POST' as const,
    url: '/',
    headers: { 'x-amz-target': c.target, ...(c.contentType ? { 'content-type': c.contentType } : {}) },
    payload: c.payload,
  };
}

function describe(operation: string, c: BodyCase): string {
  return `${operation} (${c.label}) ${shorten(c.payload)}`;
}

function check(operation: string, c: BodyCase, answer: Awaited<ReturnType<typeof send>>): void {
  const what = describe(operation, c);
  if (c.expect === 'any') return assertNotServerError(answer, what);
  const error = assertJsonError(answer, what);
  if (c.expect !== 'reject') assert.is(error.__type, c.expect.type, `${what}: ${error.message}`);
}

test('Every Cognito operation: random and malformed bodies answer an AWS 4xx (or a 200), never a 5xx or a hang', async () => {
  const emulator = await startTestEmulator();
  const figures = new Figures('cognito bodies');
  try {
    const real = await seed(emulator);
    assert.ok(operations.length >= 75, `only ${operations.length} operations`);
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(bodyCases(operation, real), async (c) => check(operation, c, await send(emulator, request(c), figures))),
        params(25),
      );
    }
    const health = await send(emulator, { method: 'GET', url: '/_cogniform/health' });
    assert.is(health.status, 200, 'the emulator still answers');
  } finally {
    figures.report(`${operations.length} operations`);
    await emulator.close();
  }
});

test('Every Cognito operation: a batch of refused requests leaves the store byte-for-byte unchanged', async () => {
  const emulator = await startTestEmulator();
  const figures = new Figures('cognito refusals, store unchanged');
  try {
    const real = await seed(emulator);
    const before = await snapshot(emulator);
    assert.ok(before.size > 20, `only ${before.size} keys seeded`);
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(rejectedCases(operation, real), async (c) => check(operation, c, await send(emulator, request(c), figures))),
        params(10),
      );
      const changed = differences(before, await snapshot(emulator));
      assert.equal(changed, [], `${operation}: refused requests changed the store`);
    }
  } finally {
    figures.report(`${operations.length} operations`);
    await emulator.close();
  }
});

test.run();
