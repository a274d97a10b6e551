import type { ErrorPayload } from './errors.js';

// What the emulator and a function's worker thread say to each other (structured-clone messages).

/** Given to the worker at its start (workerData). */
export interface WorkerSetup {
  /** tsx's ESM and CommonJS loader APIs, registered first so TypeScript handlers (and, from sources, the runtime) load. */
  loader: { esm: string; cjs: string };
  /** This folder's worker module, as a file URL. */
  entry: string;
  codeDir: string;
  handler: string;
  functionName: string;
  memoryLimitInMB: number;
  invokedFunctionArn: string;
  logGroupName: string;
  logStreamName: string;
}

/** Emulator → worker: run one invocation. */
export interface InvokeMessage {
  id: string;
  event: unknown;
  /** Epoch ms at which the invocation times out, for context.getRemainingTimeInMillis(). */
  deadline: number;
}

/** Worker → emulator. */
export type WorkerMessage =
  /** The handler loaded (Lambda's Init phase succeeded) or failed to. */
  | { type: 'ready' }
  | { type: 'init-error'; error: ErrorPayload }
  /** The function's source files it has loaded so far (local ones and packages alike; the host filters). */
  | { type: 'loaded'; files: string[] }
  /** An invocation's outcome; `result` is the JSON Lambda would return (the handler's value serialized). */
  | { type: 'result'; id: string; result: string }
  | { type: 'error'; id: string; error: ErrorPayload }
  /** An uncaught exception or unhandled rejection: the worker exits next, failing the running invocation. */
  | { type: 'crash'; error: ErrorPayload };
