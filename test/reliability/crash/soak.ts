import { parseArgs } from 'node:util';
import { runCrashRounds } from './rounds.js';

// The crash soak: `npm run soak:crash -- --rounds 200 [--seed N]`. The suite's rounds (./crash.test.ts), many more
// times; every problem is counted and the rounds go on. Exits 1 when any was found.

// As test/run.ts does for the suite: the SDK's warning about this Node version says nothing about the soak.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' }, seed: { type: 'string' } } });
const rounds = Number(values.rounds);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run soak:crash -- [--rounds N] [--seed N]');
  process.exit(2);
}

console.log(`crash soak: ${rounds} rounds, seed ${seed}`);
const report = await runCrashRounds({ rounds, seed, log: (line) => console.log(line) });
for (const problem of report.problems) console.log(`FAILURE ${problem}`);
console.log(
  `crash soak: ${report.rounds} rounds, ${report.acknowledged} acknowledged writes checked, ` +
    `${report.recordsScanned} records scanned, ${report.problems.length} failures, ${Math.round(report.durationMs / 1000)} s (seed ${seed})`,
);
process.exitCode = report.problems.length ? 1 : 0;
