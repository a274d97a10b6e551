import { AdminCreateUserCommand, DeleteUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { createPool } from '../helpers/fixtures.js';
import { capturingLog } from '../cognito/operations/users/userFixtures.js';

const log = capturingLog();
let now = new Date('2026-05-01T10:00:00.000Z');
let emulator: TestEmulator;
let poolA: string;
let poolB: string;
test.before(async () => {
  emulator = await startTestEmulator({ log, clock: { now: () => now } });
  poolA = await createPool(emulator);
  poolB = await createPool(emulator, { UsernameAttributes: ['email'] });
});
test.after(async () => {
  await emulator.close();
});

async function invite(UserPoolId: string, Username: string, TemporaryPassword: string, email?: string) {
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId, Username, TemporaryPassword, DesiredDeliveryMediums: ['EMAIL'],
    ...(email ? { UserAttributes: [{ Name: 'email', Value: email }] } : {}),
  }));
}

async function codes(query = '') {
  const response = await fetch(`${emulator.url}/_cogniform/codes${query}`);
  return { status: response.status, body: await response.json() };
}

test('Codes: what was sent is listed with its kind, destination and time, and logged', async () => {
  await invite(poolA, 'alice', 'Alice-Passw0rd!', 'alice@example.com');
  const { status, body } = await codes(`?userPoolId=${poolA}&username=alice`);
  assert.is(status, 200);
  assert.equal(body, { codes: [{ userPoolId: poolA, username: 'alice', code: 'Alice-Passw0rd!', kind: 'TEMPORARY_PASSWORD',
    destination: 'alice@example.com', createdAt: '2026-05-01T10:00:00.000Z' }] });
  assert.ok(log.lines.includes(`Temporary password for alice in ${poolA}: Alice-Passw0rd!`));
});

test('Codes: newest first (the same millisecond too), within a pool and across pools', async () => {
  await invite(poolA, 'bob', 'Bob-Passw0rd!1');
  now = new Date('2026-05-01T10:00:01.000Z');
  await invite(poolB, 'carol@example.com', 'Carol-Passw0rd!');
  const inA = (await codes(`?userPoolId=${poolA}`)).body.codes.map((c: { code: string }) => c.code);
  assert.equal(inA, ['Bob-Passw0rd!1', 'Alice-Passw0rd!']);
  const all = (await codes()).body.codes.map((c: { code: string }) => c.code);
  assert.equal(all, ['Carol-Passw0rd!', 'Bob-Passw0rd!1', 'Alice-Passw0rd!']);
  assert.equal((await codes('?limit=1')).body.codes.map((c: { code: string }) => c.code), ['Carol-Passw0rd!']);
  assert.is((await codes('?userPoolId=&username=')).body.codes.length, 3);
});

test('Codes: a user is found by username or by the address the code went to', async () => {
  const [byEmail] = (await codes('?username=carol@example.com')).body.codes;
  assert.is(byEmail.code, 'Carol-Passw0rd!');
  assert.match(byEmail.username, /^[0-9a-f-]{36}$/);
  const [byName] = (await codes(`?userPoolId=${poolB}&username=${byEmail.username}`)).body.codes;
  assert.is(byName.code, 'Carol-Passw0rd!');
  assert.equal((await codes(`?userPoolId=${poolA}&username=carol@example.com`)).body.codes, []);
});

test('Codes: deleting a pool deletes its codes; reset deletes all', async () => {
  await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: poolB }));
  assert.equal((await codes('?username=carol@example.com')).body.codes, []);
  assert.is((await codes()).body.codes.length, 2);
  await fetch(`${emulator.url}/_cogniform/reset`, { method: 'POST' });
  assert.equal((await codes()).body.codes, []);
});

test('Codes: a bad limit is a 400, not a 500', async () => {
  for (const limit of ['0', 'ten', '-1', '1.5']) assert.is((await codes(`?limit=${limit}`)).status, 400, limit);
  assert.is((await codes('?username=a&username=b')).status, 200);
});

test.run();
