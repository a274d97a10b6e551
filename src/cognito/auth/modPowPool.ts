import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// g^x mod p on worker threads. A 3072-bit modexp costs about 0.7 ms of CPU, most of what AdminCreateUser and every
// password check cost, so it runs beside the event loop (which keeps serving requests) and on several cores at
// once. Inside a worker, OpenSSL does the work: a DiffieHellman object whose private key is x has g^x mod p as its
// public key, about 6x faster than BigInt. Each worker reuses one such object; its two calls are synchronous, so
// jobs cannot interleave.
//
// The worker's code is evaluated from this string (CommonJS, Node built-ins only) so that it runs the same from
// the TypeScript sources, from dist and in tests, with no file to resolve.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createDiffieHellman } = require('node:crypto');
const group = createDiffieHellman(Buffer.from(workerData.prime, 'hex'), Buffer.from([workerData.generator]));
parentPort.on('message', ({ id, exponent, base }) => {
  try {
    group.setPrivateKey(Buffer.from(exponent));
    const result = base ? group.computeSecret(Buffer.from(base)).toString('hex') : group.generateKeys('hex');
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

interface Job {
  resolve(hex: string): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
}

/** One core is left to the event loop; more than four threads gain little for a local emulator. */
const THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));

export class ModPowPool {
  private readonly threads: Thread[] = [];
  private nextId = 0;

  constructor(
    private readonly primeHex: string,
    private readonly generator: number,
    private readonly size = THREADS,
  ) {}

  /**
   * generator^exponent mod prime, or base^exponent mod prime when a base is given (DiffieHellman computeSecret,
   * which refuses the degenerate bases 0, 1 and prime-1), as hex with leading zeros, the prime's width.
   */
  pow(exponent: Buffer, base?: Buffer): Promise<string> {
    const thread = this.leastBusy();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (thread.jobs.size === 0) thread.worker.ref();
      thread.jobs.set(id, { resolve, reject });
      thread.worker.postMessage({ id, exponent, base });
    });
  }

  /** Threads start on first use, up to `size`; the one with the fewest jobs in flight takes the next. */
  private leastBusy(): Thread {
    const idle = this.threads.find((t) => t.jobs.size === 0);
    if (idle) return idle;
    if (this.threads.length < this.size) return this.spawn();
    return this.threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  private spawn(): Thread {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { prime: this.primeHex, generator: this.generator } });
    const thread: Thread = { worker, jobs: new Map() };
    // An idle worker must not keep the process alive; a busy one must, or an awaiting caller could be cut short.
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result: string; error?: string }) => {
      const job = thread.jobs.get(id);
      thread.jobs.delete(id);
      if (thread.jobs.size === 0) worker.unref();
      if (error !== undefined) job?.reject(new Error(error));
      else job?.resolve(result);
    });
    const fail = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index >= 0) this.threads.splice(index, 1);
      for (const job of thread.jobs.values()) job.reject(error);
      thread.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`modexp worker exited with code ${code}`)));
    this.threads.push(thread);
    return thread;
  }
}
