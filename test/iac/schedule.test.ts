import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inDependencyOrder } from '../../src/iac/schedule.js';

// The order resources are applied in: each after its dependencies, independent ones side by side.

const deps: Record<string, string[]> = { pool: [], client: ['pool'], group: ['pool'], domain: ['pool'], attach: ['group', 'client'] };
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

test('inDependencyOrder: each id starts only after its dependencies finished; independent ones overlap', async () => {
  const finished: string[] = [];
  const running = new Set<string>();
  let overlap = 0;
  await inDependencyOrder(Object.keys(deps), (id) => deps[id]!, async (id) => {
    for (const dependency of deps[id]!) assert.ok(finished.includes(dependency), `${id} started before ${dependency} finished`);
    running.add(id);
    overlap = Math.max(overlap, running.size);
    await tick();
    running.delete(id);
    finished.push(id);
  });
  assert.equal([...finished].sort(), Object.keys(deps).sort());
  assert.is(finished.at(-1), 'attach');
  assert.is(overlap, 3);
});

test('inDependencyOrder: never more than the limit at once', async () => {
  const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
  let running = 0;
  let most = 0;
  await inDependencyOrder(ids, () => [], async () => {
    most = Math.max(most, ++running);
    await tick();
    running--;
  }, 4);
  assert.is(most, 4);
});

test('inDependencyOrder: after a failure nothing new starts, the running ones settle, and the error is thrown', async () => {
  const started: string[] = [];
  let settled = 0;
  const failing = inDependencyOrder(Object.keys(deps), (id) => deps[id]!, async (id) => {
    started.push(id);
    await tick();
    settled++;
    if (id === 'client') throw new Error('client failed');
  });
  await failing.then(() => assert.unreachable(), (error: Error) => assert.is(error.message, 'client failed'));
  assert.not.ok(started.includes('attach'));
  assert.is(settled, started.length);
});

test.run();
