import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { judgeMemory, MAX_GROWTH_PER_REQUEST, type Sample } from './memory.js';

// The soak's memory verdict on made-up series shaped like measured ones (RELIABILITY.md "Soak"): ten samples of a 45 s
// run at 500 requests/s, the verdict judging the last six. `live` gives the live set (MB) at sample i.

function run(live: (i: number) => number, more: Partial<Record<'anon' | 'file' | 'data', (i: number) => number>> = {}): Sample[] {
  return Array.from({ length: 10 }, (_, i) => ({
    at: 4.5 * (i + 1),
    requests: 2250 * (i + 1),
    heap: live(i) - 4.5,
    external: 4.5,
    anon: more.anon?.(i) ?? 225,
    file: more.file?.(i) ?? 56,
    data: more.data?.(i) ?? 3,
  }));
}

const wobble = (i: number) => [0, 0.3, -0.2, 0.1, -0.3, 0.2, 0, -0.1, 0.3, -0.2][i]!;

test('Soak memory: a flat live set with noise passes', () => {
  const verdict = judgeMemory(run((i) => 48 + wobble(i)), MAX_GROWTH_PER_REQUEST);
  assert.ok(verdict.flat, verdict.lines.join('\n'));
});

test('Soak memory: warm-up still adding a megabyte or two after the first third passes', () => {
  // Measured: up to 1 MB over a 45 s run's last six samples; this adds 2.4 MB there, decelerating.
  const verdict = judgeMemory(run((i) => 46 + 9 * (1 - Math.exp(-i / 4)) + wobble(i) / 3), MAX_GROWTH_PER_REQUEST);
  assert.ok(verdict.flat, verdict.lines.join('\n'));
});

test('Soak memory: a leak of 1 KB per request fails', () => {
  const verdict = judgeMemory(run((i) => 48 + wobble(i) + (2250 * (i + 1) * 1024) / 1024 / 1024), MAX_GROWTH_PER_REQUEST);
  assert.not.ok(verdict.flat);
  assert.match(verdict.lines[0]!, /^FAIL live memory/);
});

test('Soak memory: a leak that only shows in anonymous RSS fails', () => {
  const verdict = judgeMemory(run(() => 48, { anon: (i) => 220 + 10 * i }), MAX_GROWTH_PER_REQUEST);
  assert.not.ok(verdict.flat);
  assert.match(verdict.lines[1]!, /^FAIL RSS anonymous/);
});

test('Soak memory: file-backed RSS growing with the data dir passes, beyond it fails', () => {
  const data = (i: number) => 3 + 20 * i;
  assert.ok(judgeMemory(run(() => 48, { data, file: (i) => 56 + 20 * i }), MAX_GROWTH_PER_REQUEST).flat);
  const beyond = judgeMemory(run(() => 48, { data: () => 3, file: (i) => 56 + 20 * i }), MAX_GROWTH_PER_REQUEST);
  assert.not.ok(beyond.flat);
  assert.match(beyond.lines[2]!, /^FAIL RSS file-backed/);
});

test('Soak memory: too few samples after warm-up is no verdict', () => {
  const verdict = judgeMemory(run(() => 48).slice(0, 4), MAX_GROWTH_PER_REQUEST);
  assert.not.ok(verdict.flat);
  assert.match(verdict.lines[0]!, /3 needed/);
});

test.run();
