import * as assert from 'uvu/assert';
import type { CallResult } from './emulator.js';

/** Asserts an AWS error answer: status, `__type`, the x-amzn-errortype header and, optionally, the message. */
export function assertAwsError(result: CallResult, type: string, status = 400, message?: string | RegExp): void {
  assert.is(result.status, status, `status for ${type}: ${JSON.stringify(result.body)}`);
  assert.is(result.body.__type, type);
  assert.is(result.headers['x-amzn-errortype'], type);
  if (typeof message === 'string') assert.is(result.body.message, message);
  else if (message) assert.match(result.body.message, message);
}

/** Asserts that an SDK call rejects with the given AWS exception name. */
export async function assertRejects(promise: Promise<unknown>, name: string, message?: string | RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.is((error as Error).name, name, (error as Error).message);
    if (typeof message === 'string') assert.is((error as Error).message, message);
    else if (message) assert.match((error as Error).message, message);
    return;
  }
  assert.unreachable(`expected ${name}`);
}
