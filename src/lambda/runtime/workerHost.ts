import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FunctionDefinition } from '../definition.js';
import { DEFAULT_MEMORY_MB, lambdaEnvironment, logStreamName } from './environment.js';
import { FunctionError, runtimeError, toErrorPayload, type ErrorPayload } from './errors.js';
import { forEachLine } from './lines.js';
import type { InvokeMessage, WorkerMessage, WorkerSetup } from './messages.js';

// One warm execution environment of a function: a worker thread with only the function's environment, running one
// invocation at a time under the function's Timeout. A timeout or a crash ends the thread; its owner (the pool)
// then starts a fresh one.

export interface RuntimeLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Lambda limits the Init phase (loading the handler) to 10 seconds ("Lambda execution environment lifecycle"). */
const INIT_LIMIT_MS = 10_000;
const RUNTIME_DIR = path.dirname(fileURLToPath(import.meta.url));

// Registers tsx before anything else loads, so TypeScript handlers (and, when cogniform runs from its sources, this
// runtime's own worker.ts) load; tsx's onImport reports each ES module the function loads, for hot reload.
// A CommonJS string evaluated by the thread, so it needs no file of its own.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const esm = await import(workerData.loader.esm);
  esm.register({ onImport: (url) => parentPort.postMessage({ type: 'loaded', files: [url] }) });
  (await import(workerData.loader.cjs)).register();
  await import(workerData.entry);
})();
`;

interface Running {
  id: string;
  resolve(result: unknown): void;
  reject(error: FunctionError): void;
  timer: NodeJS.Timeout;
}

export class WorkerHost {
  /** Set once the thread has ended or is ending: the host takes no more invocations. */
  dead = false;
  private readonly spawnedAt = Date.now();
  private readonly worker: Worker;
  private readonly files = new Set<string>();
  private readonly ready: Promise<void>;
  private running: Running | undefined;
  private crashError: ErrorPayload | undefined;

  constructor(
    readonly definition: FunctionDefinition,
    private readonly log: RuntimeLog,
    private readonly onExit: (host: WorkerHost) => void,
  ) {
    const { name, region, accountId } = definition;
    const streamName = logStreamName();
    const setup: WorkerSetup = {
      loader: { esm: import.meta.resolve('tsx/esm/api'), cjs: import.meta.resolve('tsx/cjs/api') },
      entry: new URL(`./worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href,
      codeDir: definition.codeDir,
      handler: definition.handler,
      functionName: name,
      memoryLimitInMB: definition.memorySize ?? DEFAULT_MEMORY_MB,
      invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: streamName,
    };
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: setup,
      env: lambdaEnvironment(definition, streamName),
      stdout: true,
      stderr: true,
    });
    forEachLine(this.worker.stdout, (line) => log.info(`[${name}] ${line}`));
    forEachLine(this.worker.stderr, (line) => log.error(`[${name}] ${line}`));
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'init-error') {
          log.error(`[${name}] ${message.error.errorType}: ${message.error.errorMessage}`);
          reject(new FunctionError(message.error));
        }
        else this.onMessage(message);
      });
      // An error the thread threw before worker.ts's own handlers were in place (the bootstrap failing, say).
      this.worker.on('error', (error) => (this.crashError ??= toErrorPayload(error)));
      this.worker.on('exit', (code) => {
        reject(new FunctionError(this.crashError ?? runtimeError('Runtime.ExitError', `Error: Runtime exited with error: exit status ${code}`)));
        this.ended(code);
      });
    });
    this.ready.catch(() => {});
  }

  async invoke(event: unknown): Promise<unknown> {
    const id = randomUUID();
    await this.initialized(id);
    const timeoutMs = this.definition.timeoutSeconds * 1000;
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seconds = ((Date.now() - started) / 1000).toFixed(2);
        // The payload of a timed-out invocation ("Troubleshoot invocation issues in Lambda", Sandbox.Timedout).
        this.terminate(runtimeError('Sandbox.Timedout', `RequestId: ${id} Error: Task timed out after ${seconds} seconds`));
      }, timeoutMs);
      this.running = { id, resolve, reject, timer };
      this.worker.ref();
      this.worker.postMessage({ id, event, deadline: started + timeoutMs } satisfies InvokeMessage);
    });
  }

  /** True when a local source file the function loaded has changed (or gone) since this thread started. */
  isStale(): boolean {
    for (const file of this.files) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs > this.spawnedAt) return true;
    }
    return false;
  }

  /** Ends the thread; a running invocation fails with `error` (or as if the runtime had exited). */
  terminate(error?: ErrorPayload): Promise<number> {
    this.dead = true;
    if (this.running) {
      const payload = error ?? runtimeError('Runtime.ExitError', `RequestId: ${this.running.id} Error: Runtime exited: the function was stopped`);
      if (error) this.log.error(`[${this.definition.name}] ${payload.errorMessage}`);
      this.finish((running) => running.reject(new FunctionError(payload)));
    }
    return this.worker.terminate();
  }

  private async initialized(id: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void this.terminate();
        reject(new FunctionError(runtimeError('Sandbox.Timedout', `RequestId: ${id} Error: Init phase timed out after ${INIT_LIMIT_MS / 1000}.00 seconds`)));
      }, INIT_LIMIT_MS);
    });
    try {
      await Promise.race([this.ready, limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  private onMessage(message: Exclude<WorkerMessage, { type: 'ready' | 'init-error' }>): void {
    switch (message.type) {
      case 'loaded':
        for (const file of message.files) this.track(file);
        return;
      case 'result':
        return this.finish((running) => running.resolve(JSON.parse(message.result)), message.id);
      case 'error':
        return this.finish((running) => running.reject(new FunctionError(message.error)), message.id);
      case 'crash':
        this.crashError = message.error;
        return;
    }
  }

  /** Remembers a loaded file of the function's own (not a package's, not this runtime's) for isStale(). */
  private track(fileOrUrl: string): void {
    const file = fileOrUrl.startsWith('file:') ? fileURLToPath(fileOrUrl.replace(/\?.*$/, '')) : fileOrUrl;
    if (!path.isAbsolute(file) || file.split(path.sep).includes('node_modules') || file.startsWith(RUNTIME_DIR + path.sep)) return;
    this.files.add(file);
  }

  /** The thread is gone: a crash fails the running invocation (and is logged even between invocations). */
  private ended(code: number): void {
    this.dead = true;
    const running = this.running;
    const payload = this.crashError ??
      (running && runtimeError('Runtime.ExitError', `RequestId: ${running.id} Error: Runtime exited with error: exit status ${code}`));
    if (payload) this.log.error(`[${this.definition.name}] ${payload.errorType}: ${payload.errorMessage}`);
    if (payload && running) this.finish((current) => current.reject(new FunctionError(payload)));
    this.onExit(this);
  }

  private finish(settle: (running: Running) => void, id?: string): void {
    const running = this.running;
    if (!running || (id !== undefined && running.id !== id)) return;
    clearTimeout(running.timer);
    this.running = undefined;
    this.worker.unref();
    settle(running);
  }
}
