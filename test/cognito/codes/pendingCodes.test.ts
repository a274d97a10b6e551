import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_ATTEMPTS, newCode, pendingCodes, redeemCode, storeCode, type CodePurpose } from '../../../src/cognito/codes/pendingCodes.js';
import { randomIds } from '../../../src/cognito/ids.js';
import type { UserRecord } from '../../../src/cognito/model/user.js';
import type { Store } from '../../../src/store/store.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { createPool, putUser } from '../../helpers/fixtures.js';

// The pending-code store on its own, as the next operations (attribute verification, MFA) will use it.

let emulator: TestEmulator;
let poolId: string;
let user: UserRecord;
let store: Store;
const now = new Date('2026-05-01T10:00:00.000Z');
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  user = await putUser(emulator, poolId, 'alice');
  store = emulator.store;
});
test.after(async () => {
  await emulator.close();
});

const issue = (purpose: CodePurpose, code: string, attribute?: string) =>
  store.transact(poolId, (tx) => storeCode(store, tx, user, { purpose, code, now, attribute }));
const redeem = (purpose: CodePurpose, code: string, at = now) =>
  store.transact(poolId, (tx) => redeemCode(store, tx, user, purpose, code, at));
const errorOf = async (purpose: CodePurpose, code: string, at = now) => {
  const result = await redeem(purpose, code, at);
  return result.ok ? 'ok' : result.error.type;
};

test('Pending codes: six random digits, or the fixed code of --code', () => {
  assert.match(newCode({ ids: randomIds, fixedCode: undefined }), /^[0-9]{6}$/);
  assert.is(newCode({ ids: randomIds, fixedCode: '123456' }), '123456');
});

test('Pending codes: kept hashed, per purpose, and used up by the right code', async () => {
  await issue('VERIFY_ATTRIBUTE:email', '111111', 'email');
  await issue('MFA', '222222');
  const stored = await store.table(pendingCodes).get([poolId, user.Attributes[0]!.Value!, 'VERIFY_ATTRIBUTE:email']);
  assert.not.ok(JSON.stringify(stored).includes('111111'));
  assert.is(await errorOf('VERIFY_ATTRIBUTE:email', '222222'), 'CodeMismatchException');
  assert.equal(await redeem('VERIFY_ATTRIBUTE:email', '111111'), { ok: true, attribute: 'email' });
  assert.is(await errorOf('VERIFY_ATTRIBUTE:email', '111111'), 'CodeMismatchException');
  assert.equal(await redeem('MFA', '222222'), { ok: true });
});

test('Pending codes: a new code replaces the old one', async () => {
  await issue('SIGN_UP', '333333');
  await issue('SIGN_UP', '444444');
  assert.is(await errorOf('SIGN_UP', '333333'), 'CodeMismatchException');
  assert.equal(await redeem('SIGN_UP', '444444'), { ok: true });
});

test('Pending codes: expire after their lifetime (sign-up 24 hours, password reset 1 hour, MFA 3 minutes)', async () => {
  const later = (ms: number) => new Date(now.getTime() + ms);
  for (const [purpose, lifetime] of [['SIGN_UP', 86_400_000], ['FORGOT_PASSWORD', 3_600_000], ['MFA', 180_000]] as const) {
    await issue(purpose, '555555');
    assert.is(await errorOf(purpose, '000000', later(lifetime - 1)), 'CodeMismatchException');
    assert.is(await errorOf(purpose, '555555', later(lifetime)), 'ExpiredCodeException');
  }
});

test('Pending codes: wrong guesses are counted (even though the caller then fails) up to the limit', async () => {
  await issue('FORGOT_PASSWORD', '666666');
  for (let i = 0; i < MAX_ATTEMPTS; i++) assert.is(await errorOf('FORGOT_PASSWORD', '000000'), 'CodeMismatchException');
  assert.is(await errorOf('FORGOT_PASSWORD', '666666'), 'LimitExceededException');
  await issue('FORGOT_PASSWORD', '777777');
  assert.equal(await redeem('FORGOT_PASSWORD', '777777'), { ok: true });
});

test.run();
