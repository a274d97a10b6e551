import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import net from 'node:net';

/** A system under test running in its own process, listening on loopback. */
export interface Server {
  endpoint: string;
  pid: number;
  /** CPU time (user + system, all threads) the server process has used so far, in seconds; NaN off Linux. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the kernel's pick), for servers that must be told their port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  port: number;
  /** Answers 200 once the server is ready. */
  healthPath: string;
  /** The server's stdout and stderr go here, so a failure can be read afterwards. */
  logFile: string;
}

export async function startServer(options: StartOptions): Promise<Server> {
  const log = openSync(options.logFile, 'a');
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}; see ${options.logFile}`);
    if (await healthy(endpoint + options.healthPath)) break;
    if (Date.now() > deadline) {
      await stop(child, exited);
      throw new Error(`server not healthy after 120 s; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid!;
  return { endpoint, pid, cpuSeconds: () => cpuSeconds(pid), stop: () => stop(child, exited) };
}

/**
 * From /proc/<pid>/stat: utime and stime, fields 14 and 15, in clock ticks of USER_HZ (100 on Linux). Server CPU
 * per request is a figure that other work on the machine disturbs much less than throughput does.
 */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
