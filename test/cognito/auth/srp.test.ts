import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createPasswordRecord, padHex, verifyPassword } from '../../../src/cognito/auth/srp.js';

// An independent computation with BigInt, following amazon-cognito-identity-js's AuthenticationHelper step by
// step, so the native (OpenSSL) exponentiation and the hashing of the salt are checked against it.
const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** AuthenticationHelper.padHex on a BigInteger. */
function padBig(n: bigint): string {
  const hex = n.toString(16);
  const even = hex.length % 2 ? `0${hex}` : hex;
  return '89abcdef'.includes(even[0]!) ? `00${even}` : even;
}

function referenceVerifier(poolId: string, userId: string, password: string, saltHex: string): string {
  const inner = createHash('sha256').update(`${poolId.split('_')[1]}${userId}:${password}`).digest('hex');
  const x = createHash('sha256').update(Buffer.from(padBig(BigInt(`0x${saltHex}`)) + inner, 'hex')).digest('hex');
  return modPow(2n, BigInt(`0x${x}`), N).toString(16);
}

const POOL = 'us-east-1_AbCdEf123';
const now = new Date('2026-01-02T03:04:05Z');

test('srp: the verifier equals g^x mod N computed independently with BigInt', async () => {
  // Random salts: over 32 records some start with a high nibble and some with a zero, both padHex cases.
  for (let i = 0; i < 32; i++) {
    const record = await createPasswordRecord(POOL, `user-${i}`, `Passw0rd!${i}`, { temporary: false, now });
    assert.is(record.verifier, referenceVerifier(POOL, `user-${i}`, `Passw0rd!${i}`, record.salt));
  }
});

test('srp: the record keeps the user id, salt and when and how it was set', async () => {
  const record = await createPasswordRecord(POOL, 'alice', 'Passw0rd!', { temporary: true, now });
  assert.is(record.userIdForSrp, 'alice');
  assert.match(record.salt, /^[0-9a-f]{32}$/);
  assert.is(record.temporary, true);
  assert.is(record.setAt, now.getTime());
  assert.is.not((await createPasswordRecord(POOL, 'alice', 'Passw0rd!', { temporary: true, now })).salt, record.salt);
});

test('srp: verifyPassword accepts the password and rejects any other', async () => {
  const record = await createPasswordRecord(POOL, 'alice', 'Passw0rd!', { temporary: false, now });
  assert.ok(await verifyPassword(record, POOL, 'Passw0rd!'));
  assert.not.ok(await verifyPassword(record, POOL, 'Passw0rd?'));
  assert.not.ok(await verifyPassword(record, POOL, 'passw0rd!'));
  assert.not.ok(await verifyPassword(record, POOL, ''));
});

test('srp: the verifier is bound to the pool and the user id', async () => {
  const record = await createPasswordRecord(POOL, 'alice', 'Passw0rd!', { temporary: false, now });
  assert.not.ok(await verifyPassword(record, 'us-east-1_Other1234', 'Passw0rd!'));
  assert.not.ok(await verifyPassword({ ...record, userIdForSrp: 'bob' }, POOL, 'Passw0rd!'));
});

test('srp: many verifiers computed at once each come back to their own caller', async () => {
  const records = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    createPasswordRecord(POOL, `user-${i}`, `Passw0rd!${i}`, { temporary: false, now })));
  records.forEach((record, i) => assert.is(record.verifier, referenceVerifier(POOL, `user-${i}`, `Passw0rd!${i}`, record.salt)));
});

test('srp: padHex pads to whole bytes and keeps the number positive', () => {
  assert.is(padHex('7f'), '7f');
  assert.is(padHex('80'), '0080');
  assert.is(padHex('abc'), '0abc');
  assert.is(padHex('00000abc'), '0abc');
  assert.is(padHex('FF'), '00ff');
  assert.is(padHex('0'), '00');
});

test.run();
