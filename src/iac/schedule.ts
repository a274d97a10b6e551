// Applying a stack's resources as CloudFormation does: each one as soon as everything it depends on is done, the
// independent ones side by side (every pool's groups, clients and domain at once), so that a large template takes
// about as long as its longest chain of dependencies rather than the sum of all its resources.

/**
 * How many resources are applied at once. Operations on one pool take turns (its lock), and templates list a
 * pool's resources together, so the window must reach across several pools to overlap the store's writes.
 */
const CONCURRENCY = 64;

/**
 * Runs `work(id)` for every id once all of its dependencies among `ids` have finished, up to `limit` at a time, in
 * the order of `ids` among those ready. After a failure nothing new starts; the running ones settle, then the first
 * error is thrown.
 */
export async function inDependencyOrder(
  ids: string[],
  dependsOn: (id: string) => Iterable<string>,
  work: (id: string) => Promise<void>,
  limit = CONCURRENCY,
): Promise<void> {
  const members = new Set(ids);
  const waitingOn = new Map(ids.map((id) => [id, new Set([...dependsOn(id)].filter((d) => d !== id && members.has(d)))]));
  const ready = ids.filter((id) => waitingOn.get(id)!.size === 0);
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const finished = (id: string) => {
    for (const other of ids) {
      const waiting = waitingOn.get(other)!;
      if (waiting.delete(id) && waiting.size === 0) ready.push(other);
    }
  };
  const start = (id: string) => {
    const task: Promise<void> = work(id).then(
      () => finished(id),
      (error: unknown) => {
        failure ??= { error };
      },
    );
    running.add(task);
    void task.finally(() => running.delete(task));
  };
  while (ready.length || running.size) {
    while (!failure && ready.length && running.size < limit) start(ready.shift()!);
    if (!running.size) break;
    await Promise.race(running);
    // A macrotask turn, not only a microtask: it lets the `finally` above take the settled task out before the next
    // look, and lets the API's requests in. Over memory-level every store call settles without I/O, so a reconcile
    // that only awaited promises would hold the event loop until its last resource (observed: API calls during a
    // 1,500-resource reconcile all waited for its end, test/reliability/concurrency/reconcileWrites.test.ts).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (failure) throw failure.error;
}
