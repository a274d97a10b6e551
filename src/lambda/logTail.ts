import type { RuntimeLog } from './runtime/index.js';

// The recent log lines of each function, for Invoke's `X-Amz-Log-Type: Tail`. The runtime writes every line a
// function prints as `[<name>] <line>` to the emulator's log; this passes them on and keeps the last ones per
// function, so an invocation can take the lines printed while it ran. Lines of concurrent invocations of one function
// mix, which is the price of not threading a request id through every console call.

const KEPT_LINES = 200;

export interface LogTail {
  /** The log to give the runtime. */
  log: RuntimeLog;
  /** Marks now; the function returned gives the lines `name` logged since. */
  since(name: string): () => string[];
}

export function createLogTail(log: RuntimeLog): LogTail {
  const byFunction = new Map<string, { lines: string[]; total: number }>();
  const keep = (message: string) => {
    const match = /^\[([^\]]+)\] (.*)$/s.exec(message);
    if (!match) return;
    const entry = byFunction.get(match[1]!) ?? { lines: [], total: 0 };
    entry.lines.push(match[2]!);
    entry.total++;
    if (entry.lines.length > KEPT_LINES) entry.lines.shift();
    byFunction.set(match[1]!, entry);
  };
  return {
    log: {
      info(message) {
        keep(message);
        log.info(message);
      },
      error(message, error) {
        keep(message);
        log.error(message, error);
      },
    },
    since(name) {
      const start = byFunction.get(name)?.total ?? 0;
      return () => {
        const entry = byFunction.get(name);
        if (!entry) return [];
        const count = Math.min(entry.total - start, entry.lines.length);
        return count > 0 ? entry.lines.slice(-count) : [];
      };
    },
  };
}
