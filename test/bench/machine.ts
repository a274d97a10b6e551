import { createDiffieHellman, generateKeyPairSync, getDiffieHellman, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  ramGiB: number;
  node: string;
  os: string;
}

export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() is the best there is.
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/**
 * The floor under AdminCreateUser's cost: the SRP verifier v = g^x mod N that cogniform stores instead of the
 * password. N is the 3072-bit group of RFC 3526 (Node's `modp15`, the one Cognito's SRP uses), g = 2, and x is a
 * SHA-256 digest, so a 256-bit exponent. This is native OpenSSL modexp on one core, the most any single-threaded
 * server can do per second if it computes one verifier per created user.
 */
export function modexpPerSecond(seconds = 3): number {
  const prime = getDiffieHellman('modp15').getPrime();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const dh = createDiffieHellman(prime, 2);
    dh.setPrivateKey(randomBytes(32));
    dh.generateKeys();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

/**
 * The floor under a sign-in's cost: RS256 signatures with a 2048-bit RSA key, the key size and algorithm of the ID
 * and access tokens a sign-in answers, two of them per sign-in. node:crypto's one-shot sign, on one core; the
 * payload is about a token's size.
 */
export function rsaSignaturesPerSecond(seconds = 3): number {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const payload = randomBytes(900);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    sign('sha256', payload, privateKey);
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

/**
 * CPU seconds since boot, from /proc/stat (USER_HZ ticks): `busy` is what every process on this machine ran, `steal`
 * what the hypervisor gave to other machines while this one wanted to run; NaN off Linux. Over a round, `busy` less
 * the server's and the benchmark's own share is other work on the machine; both disturb the figures.
 */
export function machineCpuSeconds(): { busy: number; steal: number } {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
    return { busy: (user + nice + system + irq + softirq) / 100, steal: steal / 100 };
  } catch {
    return { busy: Number.NaN, steal: Number.NaN };
  }
}
