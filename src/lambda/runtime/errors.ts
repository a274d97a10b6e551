import { types } from 'node:util';

// How a failed invocation looks: Lambda's function-error payload, `{errorType, errorMessage, trace}`, built the way
// the Node.js runtime interface client builds it (aws-lambda-nodejs-runtime-interface-client, src/Errors.js,
// toRapidResponse): an Error gives its name, message and stack lines; any other thrown or passed value gives its
// `typeof` and its string form (`callback('boom')` → errorType "string").

export interface ErrorPayload {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export function toErrorPayload(value: unknown): ErrorPayload {
  if (types.isNativeError(value) || isErrorLike(value)) {
    return { errorType: value.name, errorMessage: value.message, trace: (value.stack ?? '').split('\n') };
  }
  return { errorType: typeof value, errorMessage: String(value), trace: [] };
}

function isErrorLike(value: unknown): value is Error {
  const error = value as Error | null;
  return typeof error?.name === 'string' && typeof error.message === 'string' && typeof error.stack === 'string';
}

/** An error the runtime itself reports (`Runtime.ImportModuleError`, `Sandbox.Timedout`...): no user trace. */
export function runtimeError(errorType: string, errorMessage: string): ErrorPayload {
  return { errorType, errorMessage, trace: [] };
}

/** What `invoke()` rejects with when the function fails: the payload, with its message as the Error's message. */
export class FunctionError extends Error implements ErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: string[];

  constructor(payload: ErrorPayload) {
    super(payload.errorMessage);
    this.name = payload.errorType;
    this.errorType = payload.errorType;
    this.errorMessage = payload.errorMessage;
    this.trace = payload.trace;
  }
}
