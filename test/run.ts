// Runs the uvu suite in TEST_JOBS (2 by default) worker processes and fails unless every registered test passed.
// Usage: node --import tsx test/run.ts [folder] [pattern]
//
// Why workers: most of the suite's time is spent waiting on other processes (the serverless CLIs, the AWS CLI,
// Chromium, sockets), so two files at once roughly halve the wall time even on two cores. The parent hands out
// files one at a time from a queue (slowest folders first, so that the last files to finish are short ones); a
// worker imports the file, runs its suites the way uvu's `exec` does, and reports the counts. Each file's output
// is buffered and printed whole when the file ends, so two workers never interleave.
//
// Why the counting: uvu 0.5 swallows errors thrown in `before` hooks (lukeed/uvu#60, #80, #142): the suite's tests
// just don't run and it still reports no failure. Comparing the registered tests with the passed ones catches that.
// An error thrown in an `after` hook, a file that fails to import and a worker that dies mid-file each count as a
// failure too (uvu's own CLI would end the whole run there). A skipped test left behind is a failure. The run ends
// with the plain "N passed, N failed" line CI reads.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a worker reports for one file. `broken` counts what failed outside a test (import, `after` hook). */
interface FileResult {
  total: number;
  passed: number;
  skipped: number;
  broken: number;
  ms: number;
}

/** The line each worker writes to stdout and stderr after a file, so that the parent can cut its output there. */
const MARK = '\u0000cogniform-test-run\u0000';

/** Folders whose files spawn CLIs, browsers or whole emulators: started first (a heuristic, no timing file kept). */
const SLOW = [/^test\/e2e\//, /^test\/reliability\//, /^test\/cloudformation\//, /\/(awsCli|restart)\.test\.ts$/];

/** uvu's colours for its file header and failures (uvu's CLI forces colour: FORCE_COLOR below). */
const bold = (text: string) => `\x1b[1m\x1b[4m${text}\x1b[0m`;
const red = (text: string) => `\x1b[31m${text}\x1b[39m`;

if (process.argv[2] === '--worker') await worker();
else await parent(process.argv[2] ?? 'test', process.argv[3] ?? '\\.test\\.ts$');

async function parent(dir: string, pattern: string): Promise<void> {
  const { parse } = await import('uvu/parse');
  const { suites } = await parse(dir, pattern);
  const weight = (file: string) => (SLOW.some((slow) => slow.test(path.relative(process.cwd(), file).split(path.sep).join('/'))) ? 1 : 0);
  // Stable: uvu's alphabetical order within each weight.
  const queue = suites.map((suite, index) => ({ ...suite, index })).sort((a, b) => weight(b.file) - weight(a.file) || a.index - b.index);
  const jobs = Math.max(1, Math.min(Number(process.env.TEST_JOBS) || 2, queue.length));
  const started = performance.now();
  const results: (FileResult & { name: string })[] = [];

  await Promise.all(Array.from({ length: jobs }, async () => {
    while (queue.length) await runWorker(queue, results);
  }));

  const sum = (key: keyof FileResult) => results.reduce((n, r) => n + r[key], 0);
  const total = sum('total');
  const passed = sum('passed');
  const skipped = sum('skipped');
  const failed = total - passed + sum('broken');
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5).map((r) => `${r.name} ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`\n  Files:     ${results.length} in ${jobs} worker(s); slowest: ${slowest.join(', ')}`);
  console.log(`  Total:     ${total}\n  Passed:    ${passed}\n  Skipped:   ${skipped}`);
  console.log(`  Duration:  ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed !== 0 || total === 0) process.exit(1);
  if (skipped) {
    console.error(`${skipped} skipped test(s): a skipped test left behind is a defect.`);
    process.exit(1);
  }
}

/**
 * One worker process, fed files from `queue` until it is empty. Resolves when the worker has exited: normally
 * once the queue is drained, or early if it died mid-file (that file is a failure; the caller starts another).
 */
function runWorker(queue: { name: string; file: string }[], results: (FileResult & { name: string })[]): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker'], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // uvu's CLI forces colour the same way (its bin.js), and the tests have always run with it set.
    env: { ...process.env, FORCE_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  let current: { name: string; file: string } | undefined;
  let out = '';
  let err = '';
  // Output of files whose stdout has ended but whose stderr mark has not arrived yet (the two pipes race).
  const pending: { stdout: string; result: FileResult; name: string }[] = [];
  const stderrDone: string[] = [];

  const flush = () => {
    while (pending.length && stderrDone.length) {
      const { stdout, result, name } = pending.shift()!;
      const stderr = stderrDone.shift()!;
      process.stdout.write(stdout);
      if (stderr) process.stderr.write(stderr);
      results.push({ ...result, name });
    }
  };
  const next = () => {
    current = queue.shift();
    if (current) child.send(current);
    else if (child.connected) child.disconnect();
  };
  // A failed send (the worker died) is reported once it has exited (below).
  child.on('error', () => {});

  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (let at = out.indexOf(MARK); at !== -1 && out.includes('\n', at); at = out.indexOf(MARK)) {
      const end = out.indexOf('\n', at);
      pending.push({ stdout: out.slice(0, at), result: JSON.parse(out.slice(at + MARK.length, end)) as FileResult, name: current!.name });
      out = out.slice(end + 1);
      flush();
      next();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (let at = err.indexOf(MARK); at !== -1 && err.includes('\n', at); at = err.indexOf(MARK)) {
      stderrDone.push(err.slice(0, at));
      err = err.slice(err.indexOf('\n', at) + 1);
      flush();
    }
  });

  return new Promise((resolve) => {
    // Not 'close': after a disconnect() Node 20 may never emit it. Exited, and both pipes read to the end.
    let waiting = 3;
    let exit: { code: number | null; signal: NodeJS.Signals | null };
    child.stdout!.on('end', () => --waiting || done());
    child.stderr!.on('end', () => --waiting || done());
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      if (!--waiting) done();
    });
    const done = () => {
      const { code, signal } = exit;
      if (current) {
        // Died mid-file: what it printed, then why, and the file counts as failed.
        process.stdout.write(`${out}\n`);
        process.stderr.write(`${err}\n${current.name}: the worker exited (code ${code}, signal ${signal}) before the file finished\n`);
        results.push({ name: current.name, total: 0, passed: 0, skipped: 0, broken: 1, ms: 0 });
      } else if (out.trim() || err.trim()) {
        // Printed after its last file (a late callback): shown, it belongs to no file.
        process.stdout.write(out);
        process.stderr.write(err);
      }
      resolve();
    };
    next();
  });
}

/** A worker: runs each file the parent sends, then reports its counts after the MARK on stdout. */
async function worker(): Promise<void> {
  const uvuGlobals = globalThis as unknown as { UVU_DEFER: number; UVU_INDEX: number; UVU_QUEUE: unknown[][] };
  // As uvu/run does: tests register with the queue instead of running as soon as the file is imported.
  uvuGlobals.UVU_DEFER = 1;
  const write = (text: string) => process.stdout.write(text);

  process.on('message', async (message) => {
    const { name, file } = message as { name: string; file: string };
    const started = performance.now();
    const result: FileResult = { total: 0, passed: 0, skipped: 0, broken: 0, ms: 0 };
    uvuGlobals.UVU_INDEX = 0;
    uvuGlobals.UVU_QUEUE = [[name]];
    write(bold(name) + '\n');
    try {
      await import(pathToFileURL(file).href);
      // What uvu's `exec` does for one file, keeping the counts it only prints.
      for (const run of uvuGlobals.UVU_QUEUE[0]!.slice(1) as (() => Promise<[string | true, number, number, number]>)[]) {
        try {
          const [errors, ran, skipped, total] = await run();
          result.total += total;
          result.passed += ran;
          result.skipped += skipped;
          if (errors !== true) write(`\n${errors}\n`);
          else if (ran < total) write(red(`\n  ${total - ran} test(s) did not run: a before hook threw (uvu does not show the error)\n\n`));
        } catch (error) {
          // uvu's CLI would stop the whole run on this.
          result.broken++;
          write(red(`\n  an after hook threw: ${(error as Error).stack ?? String(error)}\n\n`));
        }
      }
    } catch (error) {
      result.broken++;
      write(red(`\n  the file did not load: ${(error as Error).stack ?? String(error)}\n\n`));
    }
    result.ms = performance.now() - started;
    write('\n');
    process.stderr.write(`${MARK}\n`);
    write(`${MARK}${JSON.stringify(result)}\n`);
  });
  // The parent has no more files: exit even if a test left a handle open (uvu's CLI would hang on it).
  process.on('disconnect', () => process.exit(0));
}
