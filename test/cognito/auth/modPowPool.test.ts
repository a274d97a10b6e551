import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ModPowPool } from '../../../src/cognito/auth/modPowPool.js';

// RFC 3526's 2048-bit MODP prime (modp14): any safe prime does for the pool itself.
const P_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF';
const P = BigInt(`0x${P_HEX}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

test('ModPowPool: jobs spread over several threads each get their own result', async () => {
  const pool = new ModPowPool(P_HEX, 2, 3);
  const exponents = Array.from({ length: 24 }, () => randomBytes(32));
  const results = await Promise.all(exponents.map((x) => pool.pow(x)));
  results.forEach((hex, i) => assert.is(BigInt(`0x${hex}`), modPow(2n, BigInt(`0x${exponents[i]!.toString('hex')}`), P)));
});

test('ModPowPool: with a base computes base^x, and refuses a degenerate base without failing other jobs', async () => {
  const pool = new ModPowPool(P_HEX, 2, 1);
  const base = BigInt(`0x${randomBytes(200).toString('hex')}`);
  const x = randomBytes(32);
  const degenerate = pool.pow(x, Buffer.from([1])).then(() => undefined, (error: unknown) => error);
  const hex = await pool.pow(x, Buffer.from(base.toString(16).padStart(400, '0'), 'hex'));
  assert.is(BigInt(`0x${hex}`), modPow(base, BigInt(`0x${x.toString('hex')}`), P));
  assert.instance(await degenerate, Error);
  assert.ok(await pool.pow(x));
});

test('ModPowPool: a worker that fails rejects its jobs instead of leaving them hanging', async () => {
  const broken = new ModPowPool('', 2, 1);
  try {
    await broken.pow(randomBytes(32));
    assert.unreachable('expected a rejection');
  } catch (error) {
    assert.instance(error, Error);
  }
});

test.run();
