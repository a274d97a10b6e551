import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { VERSION } from '../../src/version.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('Health: answers ok with the version', async () => {
  const response = await fetch(`${emulator.url}/_cogniform/health`);
  assert.is(response.status, 200);
  assert.equal(await response.json(), { status: 'ok', version: VERSION });
});

test('Reset: wipes every pool', async () => {
  await emulator.call('CreateUserPool', { PoolName: 'wiped' });
  const response = await fetch(`${emulator.url}/_cogniform/reset`, { method: 'POST' });
  assert.is(response.status, 200);
  const list = await emulator.call('ListUserPools', { MaxResults: 60 });
  assert.equal(list.body.UserPools, []);
});

test.run();
