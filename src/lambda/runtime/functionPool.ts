import type { FunctionDefinition } from '../definition.js';
import { FunctionError, runtimeError } from './errors.js';
import { WorkerHost, type RuntimeLog } from './workerHost.js';

// The warm execution environments of one function. An invocation takes an idle environment whose code is still
// current (else a fresh one), up to MAX_WORKERS at once; more invocations wait their turn, as Lambda would throttle
// rather than run unbounded. A changed definition retires every environment of the old one.

/** Enough parallelism for a local API; each thread costs some 10-20 MB. */
export const MAX_WORKERS = 4;

interface Waiter {
  resolve(host: WorkerHost): void;
  reject(error: Error): void;
}

export class FunctionPool {
  private idle: WorkerHost[] = [];
  private readonly busy = new Set<WorkerHost>();
  private readonly waiting: Waiter[] = [];
  private closed = false;

  constructor(
    private definition: FunctionDefinition,
    private readonly log: RuntimeLog,
  ) {}

  get name(): string {
    return this.definition.name;
  }

  async invoke(event: unknown): Promise<unknown> {
    const host = await this.acquire();
    try {
      return await host.invoke(event);
    } finally {
      this.release(host);
    }
  }

  /** Serves `definition` from now on: idle environments of the old one end now, busy ones when they finish. */
  update(definition: FunctionDefinition): void {
    this.definition = definition;
    for (const host of this.idle) void host.terminate();
    this.idle = [];
  }

  /** Ends every environment; running and waiting invocations fail, later ones find no function. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.notFound());
    const hosts = [...this.idle, ...this.busy];
    this.idle = [];
    await Promise.all(hosts.map((host) => host.terminate()));
  }

  private acquire(): Promise<WorkerHost> {
    if (this.closed) return Promise.reject(this.notFound());
    const host = this.take();
    return host ? Promise.resolve(host) : new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** An idle, current environment (the hot-reload check happens here, as an invocation starts), or a new one. */
  private take(): WorkerHost | undefined {
    for (let host = this.idle.pop(); host; host = this.idle.pop()) {
      if (host.dead) continue;
      if (host.isStale()) {
        this.log.info(`[${this.name}] source changed: reloading`);
        void host.terminate();
        continue;
      }
      this.busy.add(host);
      return host;
    }
    if (this.busy.size >= MAX_WORKERS) return undefined;
    const host = new WorkerHost(this.definition, this.log, (gone) => this.forget(gone));
    this.busy.add(host);
    return host;
  }

  private release(host: WorkerHost): void {
    this.busy.delete(host);
    if (this.closed) return;
    if (host.dead || host.definition !== this.definition) void host.terminate();
    else this.idle.push(host);
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(this.take()!);
  }

  /** A thread that ended by itself (a crash after its invocation, say) leaves the pool. */
  private forget(host: WorkerHost): void {
    this.idle = this.idle.filter((idle) => idle !== host);
  }

  private notFound(): FunctionError {
    // Lambda's answer for a function that does not exist (Invoke, ResourceNotFoundException).
    return new FunctionError(runtimeError('ResourceNotFoundException', `Function not found: ${this.name}`));
  }
}
