import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCrashRounds } from './rounds.js';

// Crash safety in the suite: 20 rounds of mixed load, each ended by a SIGKILL at a seeded random moment
// (CRASH_SEED=<n> replays a run). `npm run soak:crash -- --rounds 200` runs many more (./soak.ts).

const ROUNDS = 20;

test('cogniform start: after SIGKILL at random moments of mixed load, every acknowledged write and every stack is whole', async () => {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
  const report = await runCrashRounds({ rounds: ROUNDS, seed, stopAtFirstProblem: true, log: process.env.CRASH_DEBUG ? console.log : undefined });
  console.log(`crash: ${report.rounds} rounds, ${report.acknowledged} acknowledged writes checked, ${report.recordsScanned} records scanned, ${report.durationMs} ms (seed ${seed})`);
  assert.equal(report.problems, [], `seed ${seed} (CRASH_SEED=${seed} replays it)`);
  assert.is(report.rounds, ROUNDS);
  assert.ok(report.acknowledged > ROUNDS * 20, `only ${report.acknowledged} acknowledged writes in ${ROUNDS} rounds`);
});

test.run();
