import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCli, type ChildEmulator } from '../../helpers/child.js';
import { createMembers, deploy, runLoad, type Templates } from './load.js';
import { LoadModel } from './model.js';
import { Random } from './random.js';
import { checkStoreIndexes } from './storeCheck.js';
import { deployedTemplate, watchedTemplate } from './templates.js';
import { verify } from './verify.js';

// Crash rounds: the real CLI on one data dir, under mixed load, SIGKILLed at a seeded random moment, then its data
// dir scanned (indexes vs records) and the CLI started again on it and checked through the API. The next round's
// load runs on that same process, so state (and the files) grow across rounds.

export interface CrashOptions {
  rounds: number;
  seed: number;
  /** Shortest and longest load before the kill, in ms. */
  killAfterMs?: [number, number];
  log?: (line: string) => void;
  /** Return at the first round with problems (the suite), or count them and go on (the soak). */
  stopAtFirstProblem?: boolean;
}

export interface CrashReport {
  seed: number;
  rounds: number;
  /** Writes the emulator acknowledged before a kill, every one checked after the restart. */
  acknowledged: number;
  /** Records read back from killed data dirs, each with its index entries checked. */
  recordsScanned: number;
  /** `round N: problem`, one per problem found. */
  problems: string[];
  durationMs: number;
}

export async function runCrashRounds(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const random = new Random(options.seed);
  const [minKill, maxKill] = options.killAfterMs ?? [100, 700];
  const log = options.log ?? (() => {});
  const folder = await mkdtemp(path.join(tmpdir(), 'cogniform-crash-'));
  const dataDir = path.join(folder, 'data');
  const watchedFile = path.join(folder, 'watched', 'crash.yaml');
  const deployedFile = path.join(folder, 'deployed', 'crash-deployed.yaml');
  const report: CrashReport = { seed: options.seed, rounds: 0, acknowledged: 0, recordsScanned: 0, problems: [], durationMs: 0 };
  const model = new LoadModel();
  const templates: Templates = {
    watchedFile,
    deployedFile,
    watched: watchedTemplate(random, 0),
    deployed: { value: deployedTemplate(random, 0) },
    revision: 0,
  };
  let emulator: ChildEmulator | undefined;
  try {
    for (const file of [watchedFile, deployedFile]) await mkdir(path.dirname(file), { recursive: true });
    await writeFile(watchedFile, templates.watched.text);
    await writeFile(deployedFile, templates.deployed.value.text);
    emulator = await startCli(dataDir, [watchedFile]);
    await createMembers(emulator.client, model);
    await deploy(emulator, deployedFile);

    for (let round = 1; round <= options.rounds; round++) {
      let killed = false;
      const failures: string[] = [];
      const current: ChildEmulator = emulator;
      const load = runLoad({ emulator: current, model, templates, random, round, killed: () => killed, failures });
      const killAfter = random.int(minKill, maxKill);
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      killed = true;
      await current.kill('SIGKILL');
      emulator = undefined;
      await load;
      const scan = await checkStoreIndexes(dataDir);
      report.recordsScanned += scan.records;
      const restarting = performance.now();
      emulator = await startCli(dataDir, [watchedFile]);
      const verifying = performance.now();
      const problems = [...failures, ...scan.problems, ...(await verify(emulator, model, templates))];
      const timing = `restart ${Math.round(verifying - restarting)} ms, checks ${Math.round(performance.now() - verifying)} ms`;
      report.rounds = round;
      report.acknowledged += model.acknowledged;
      log(`round ${round}: killed after ${killAfter} ms, ${model.acknowledged} acknowledged writes checked, ${scan.records} records scanned, ${timing}, ${problems.length} problems`);
      model.acknowledged = 0;
      report.problems.push(...problems.map((p) => `round ${round}: ${p}`));
      if (problems.length && process.env.CRASH_DEBUG) {
        log(`--- killed emulator's output\n${current.output().stdout.slice(-6000)}\n--- restarted emulator's output\n${emulator.output().stdout}`);
      }
      if (problems.length && options.stopAtFirstProblem) break;
    }
  } finally {
    await emulator?.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
    report.durationMs = Math.round(performance.now() - started);
  }
  return report;
}
