import { randomUUID } from 'node:crypto';
import { FunctionError } from '../runtime/index.js';
import type { LambdaAnswer, LambdaOperation } from './call.js';
import { functionNotFound, LambdaError, validationError } from './errors.js';
import { targetFunction } from './target.js';

// `POST /2015-03-31/functions/{FunctionName}/invocations[?Qualifier=]` (Invoke reference): the payload is the event.
// X-Amz-Invocation-Type RequestResponse answers 200 with the result, or, when the function fails, 200 with
// `X-Amz-Function-Error: Unhandled` and the runtime's error document ({errorType, errorMessage, trace} for Node.js,
// "AWS Lambda function errors in Node.js"); Event answers 202 and runs it in the background; DryRun answers 204.
// X-Amz-Log-Type Tail adds X-Amz-Log-Result: the last 4 KB of the invocation's log, base64. The function runs in the
// same runtime that triggers and API integrations use.

const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'];
const LOG_TYPES = ['None', 'Tail'];
const TAIL_BYTES = 4096;

export const Invoke: LambdaOperation = async (call) => {
  const invocationType = call.headers['x-amz-invocation-type'] ?? 'RequestResponse';
  if (!INVOCATION_TYPES.includes(invocationType)) {
    throw validationError(invocationType, 'invocationType', `Member must satisfy enum value set: [${INVOCATION_TYPES.join(', ')}]`);
  }
  const logType = call.headers['x-amz-log-type'] ?? 'None';
  if (!LOG_TYPES.includes(logType)) throw validationError(logType, 'logType', 'Member must satisfy enum value set: [Tail, None]');
  const fn = targetFunction(call, call.query.Qualifier);
  const event = payload(call.body);
  const name = fn.definition.name;
  const local = call.deployments.runtime.find(name);
  if (!local) throw functionNotFound(`arn:aws:lambda:${call.region}:${call.accountId}:function:${name}`);
  if (invocationType === 'DryRun') return { status: 204 };
  if (invocationType === 'Event') {
    local.invoke(event).catch((error: unknown) => call.deployments.logs.log.error(`[${name}] ${describe(error)}`));
    return { status: 202 };
  }
  const requestId = randomUUID();
  const logged = call.deployments.logs.since(name);
  const started = performance.now();
  let answer: LambdaAnswer;
  try {
    answer = { status: 200, body: Buffer.from(JSON.stringify(await local.invoke(event)) ?? 'null') };
  } catch (error) {
    if (!(error instanceof FunctionError)) throw error;
    const document = { errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace };
    answer = { status: 200, headers: { 'x-amz-function-error': 'Unhandled' }, body: Buffer.from(JSON.stringify(document)) };
  }
  answer.headers = { ...answer.headers, 'x-amz-executed-version': '$LATEST' };
  if (logType === 'Tail') {
    // The worker's output stream may trail its result message by a turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    answer.headers['x-amz-log-result'] = logTail(requestId, logged(), performance.now() - started, fn.definition.memorySize ?? 128);
  }
  return answer;
};

/** The event: the payload as JSON ({} when empty); anything else is Lambda's InvalidRequestContentException. */
function payload(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LambdaError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`);
  }
}

/** The lines Lambda writes around an invocation's own (START, END, REPORT), then its last 4 KB, base64. */
function logTail(requestId: string, lines: string[], durationMs: number, memorySize: number): string {
  const text = [
    `START RequestId: ${requestId} Version: $LATEST`,
    ...lines,
    `END RequestId: ${requestId}`,
    `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\tMemory Size: ${memorySize} MB\t`,
    '',
  ].join('\n');
  const bytes = Buffer.from(text);
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64');
}

function describe(error: unknown): string {
  return error instanceof FunctionError ? `${error.errorType}: ${error.errorMessage}` : String(error);
}
