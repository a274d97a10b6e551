import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/**
 * The real CLI in a child process, for what only a separate process can show: signals, crashes (SIGKILL),
 * restarts on the same data dir, the LevelDB lock. It runs from source through tsx, so no build is needed.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  process: ChildProcess;
  /** What the child has printed so far. */
  output(): { stdout: string; stderr: string };
  /** Settles when the child has exited (never rejects). */
  exited: Promise<ChildExit>;
}

export interface ChildEmulator extends CliProcess {
  url: string;
  /** An SDK v3 client for this child, one attempt per call (a retry would blur what was acknowledged). */
  client: CognitoIdentityProviderClient;
  /** Sends `signal` (SIGTERM by default) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<ChildExit>;
}

const running = new Set<ChildProcess>();
// A failed test must not leave emulators behind holding their data dir.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `cogniform <args>` as a child process; the environment's COGNIFORM_* settings are left out, flags decide. */
export function spawnCli(args: string[]): CliProcess {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('COGNIFORM_')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cogniform.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<ChildExit>((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { process: child, exited, output: () => ({ stdout, stderr }) };
}

/**
 * `cogniform start` on `dataDir`, on a port the system picks (`--port 0`, read back from the "listening on"
 * line, so no other process can take it in between), ready once GET /_cogniform/health answers 200.
 */
export async function startCli(dataDir: string, extraArgs: string[] = []): Promise<ChildEmulator> {
  const cli = spawnCli(['start', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, ...extraArgs]);
  const fail = (reason: string): never => {
    cli.process.kill('SIGKILL');
    const { stdout, stderr } = cli.output();
    throw new Error(`cogniform did not start: ${reason}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
  };
  let exitedEarly = false;
  void cli.exited.then(() => (exitedEarly = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let url: string | undefined;
  while (!url || !(await healthy(url))) {
    if (exitedEarly) fail(`it exited (${JSON.stringify(await cli.exited.then(({ code, signal }) => ({ code, signal })))})`);
    if (Date.now() > deadline) fail(`not healthy after ${START_TIMEOUT_MS} ms`);
    url ??= /listening on (http:\/\/\S+:\d+)/.exec(cli.output().stdout)?.[1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const client = new CognitoIdentityProviderClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    ...cli,
    url,
    client,
    async kill(signal = 'SIGTERM') {
      cli.process.kill(signal);
      const exit = await cli.exited;
      client.destroy();
      return exit;
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/_cogniform/health`)).status === 200;
  } catch {
    return false;
  }
}
