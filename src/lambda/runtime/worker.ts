import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { runtimeError, toErrorPayload, type ErrorPayload } from './errors.js';
import { loadHandler, type HandlerFunction } from './handlerModule.js';
import type { InvokeMessage, WorkerMessage, WorkerSetup } from './messages.js';

// The inside of one function's worker thread, Lambda's execution environment: the Init phase loads the handler once,
// then invocations run one at a time. The bootstrap (workerHost.ts) has registered tsx and reports ESM imports;
// CommonJS modules are reported from require's cache.

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const moduleCache = createRequire(import.meta.url).cache;
let reportedModules = 0;

/** Reports the CommonJS files loaded since the last report, so the host can reload when one changes. */
function reportRequiredFiles(): void {
  const files = Object.keys(moduleCache);
  if (files.length === reportedModules) return;
  post({ type: 'loaded', files: files.slice(reportedModules) });
  reportedModules = files.length;
}

// As the Node.js runtime does (aws-lambda-nodejs-runtime-interface-client, src/index.mjs and Errors.js): an uncaught
// exception fails the running invocation with that error and ends the environment; an unhandled rejection is
// reported as Runtime.UnhandledPromiseRejection.
process.on('uncaughtException', (error) => crash(toErrorPayload(error)));
process.on('unhandledRejection', (reason) => {
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  crash(runtimeError('Runtime.UnhandledPromiseRejection', message));
});

function crash(error: ErrorPayload): void {
  post({ type: 'crash', error });
  process.exit(1);
}

async function init(): Promise<HandlerFunction | undefined> {
  try {
    const handler = await loadHandler(setup.codeDir, setup.handler);
    reportRequiredFiles();
    post({ type: 'ready' });
    return handler;
  } catch (error) {
    reportRequiredFiles();
    post({ type: 'init-error', error: toErrorPayload(error) });
    return undefined;
  }
}

/**
 * Resolves once the host has taken everything the function printed. A worker's stdout and stderr reach the host
 * on a port of their own, so without this the result could overtake the last lines (Invoke's LogType Tail reads
 * them); a write's callback runs only when the host has consumed it (Node's worker stdio, lib/internal/worker/io.js).
 * That round trip is paid only by an invocation that printed something: the rest answer at once.
 */
const streams = [process.stdout, process.stderr];
let unflushed = false;
const writes = streams.map((stream) => {
  const write = stream.write.bind(stream);
  stream.write = ((...args: Parameters<typeof write>) => {
    unflushed = true;
    return write(...args);
  }) as typeof stream.write;
  return write;
});
const printed = async () => {
  if (!unflushed) return;
  unflushed = false;
  await Promise.all(writes.map((write) => new Promise<void>((resolve) => write('', () => resolve()))));
};

function invoke(handler: HandlerFunction, { id, event, deadline }: InvokeMessage): void {
  let settled = false;
  const settle = async (error: unknown, result?: unknown) => {
    if (settled) return;
    settled = true;
    await printed();
    reportRequiredFiles();
    if (error !== undefined && error !== null) return post({ type: 'error', id, error: toErrorPayload(error) });
    try {
      post({ type: 'result', id, result: JSON.stringify(result) ?? 'null' });
    } catch (serializeError) {
      post({ type: 'error', id, error: toErrorPayload(serializeError) });
    }
  };
  const callback = (error?: unknown, result?: unknown) => void settle(error, result);
  const context = {
    awsRequestId: id,
    functionName: setup.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: setup.invokedFunctionArn,
    // A string, as Lambda's Node.js context has it.
    memoryLimitInMB: String(setup.memoryLimitInMB),
    logGroupName: setup.logGroupName,
    logStreamName: setup.logStreamName,
    // Accepted for compatibility; a callback's result is returned when the callback is called (a thread cannot
    // tell when its event loop is empty, which is when Lambda returns it by default).
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    // The legacy context methods, as the runtime interface client's CallbackContext.js defines them.
    done: callback,
    succeed: (result?: unknown) => void settle(undefined, result),
    fail: (error?: unknown) => void settle(error ?? 'handled'),
  };
  try {
    const returned = handler(event, context, callback);
    if (isThenable(returned)) {
      returned.then((result) => settle(undefined, result), (error) => settle(error ?? new Error('Promise rejected')));
    } else if (handler.length < 3) {
      // A plain function that neither returns a promise nor takes the callback: Lambda answers null.
      void settle(undefined, null);
    }
  } catch (error) {
    void settle(error);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

// Without a handler the thread has nothing left to do and ends; the host has been told why.
const handler = await init();
if (handler) port.on('message', (message: InvokeMessage) => invoke(handler, message));
