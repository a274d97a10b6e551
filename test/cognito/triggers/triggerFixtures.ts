import type { Handler } from '../../../src/lambda/functions.js';
import type { TestEmulator } from '../../helpers/emulator.js';

// What the trigger tests share: in-process functions that record the events they get, by name.

export const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

export interface Recorder {
  /** Each function's events, deep-copied as they arrived (before the function changed `response`). */
  events: Record<string, any[]>;
  /** `handler`, recording its events under `name`. */
  recording(name: string, handler: Handler): Handler;
  clear(): void;
}

export function recorder(): Recorder {
  const events: Record<string, any[]> = {};
  return {
    events,
    recording: (name, handler) => (event, context) => {
      (events[name] ??= []).push(structuredClone(event));
      return handler(event, context);
    },
    clear() {
      for (const name of Object.keys(events)) delete events[name];
    },
  };
}

/** Every code the emulator "sent" to `username` in `poolId`, newest first, as `GET /_cogniform/codes` lists them. */
export async function sentCodes(emulator: TestEmulator, poolId: string, username: string): Promise<any[]> {
  const response = await emulator.app.inject({ method: 'GET', url: `/_cogniform/codes?userPoolId=${poolId}&username=${username}` });
  return JSON.parse(response.body).codes;
}
