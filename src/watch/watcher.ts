import path from 'node:path';
import { watch } from 'chokidar';
import { catchError, concatMap, debounceTime, EMPTY, finalize, from, Subject, throttle } from 'rxjs';

// Watch mode: file events → a burst of saves becomes one event → one reconcile at a time, and a save made while
// one runs gets exactly one more run afterwards, so the last run always sees the latest content (DESIGN.md §1).
// The only module that imports chokidar and rxjs (DESIGN.md §4 rule 7).

export interface WatchOptions {
  /** Quiet time that ends a burst of saves (editors write a file in several steps). */
  debounceMs?: number;
  /** Called with each event that starts or joins a burst, for logging. */
  onEvent?: (event: string, file: string) => void;
  /** Absolute paths whose changes are not saves (the emulator's own data dir and outputs file). */
  ignore?: string[];
  /** Told of a run that failed; the next save runs again all the same. */
  onError?: (error: unknown) => void;
}

/** Folders that never hold a template: dependencies, VCS, the framework's build output, cogniform's own state. */
const IGNORED = /(^|[/\\])(node_modules|\.git|\.serverless|\.cogniform)([/\\]|$)/;

export interface Watcher {
  /** Resolves once the watcher has scanned the paths and listens. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchPaths(paths: string[], run: () => Promise<unknown>, options: WatchOptions = {}): Watcher {
  const changes = new Subject<void>();
  const finished = new Subject<void>();
  const subscription = changes
    .pipe(
      debounceTime(options.debounceMs ?? 30),
      // Leading: start at once when idle; trailing: a burst during a run is remembered and run once after it.
      throttle(() => finished, { leading: true, trailing: true }),
      // A failed run must not end the pipeline: an error would stop watch mode for good, silently.
      concatMap(() =>
        from(run()).pipe(
          catchError((error: unknown) => (options.onError?.(error), EMPTY)),
          finalize(() => finished.next()),
        ),
      ),
    )
    .subscribe();
  const own = (options.ignore ?? []).map((p) => path.resolve(p));
  const ignored = (file: string) => {
    const absolute = path.resolve(file);
    return IGNORED.test(file) || own.some((p) => absolute === p || absolute.startsWith(p + path.sep));
  };
  const watcher = watch(paths, { ignoreInitial: true, ignored });
  watcher.on('all', (event, file) => {
    options.onEvent?.(event, file);
    changes.next();
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      subscription.unsubscribe();
      await watcher.close();
    },
  };
}
