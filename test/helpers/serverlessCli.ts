import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The serverless CLIs users deploy with, from npm, installed once into test/.scratch/ (gitignored) at pinned versions
// (../shared/reference/serverless-deploy.md §1): osls 3 and Serverless Framework 3 with the serverless-localstack
// plugin, and osls 4, which cannot load the plugin and reaches the emulator through AWS_ENDPOINT_URL.

export type ServerlessCliName = 'osls3' | 'serverless3' | 'osls4';

interface CliSpec {
  packages: Record<string, string>;
  bin: string;
  /** Whether it deploys through serverless-localstack (else AWS_ENDPOINT_URL). */
  plugin: boolean;
}

const CLIS: Record<ServerlessCliName, CliSpec> = {
  osls3: { packages: { osls: '3.77.1', 'serverless-localstack': '1.4.0' }, bin: 'osls/bin/serverless.js', plugin: true },
  serverless3: { packages: { serverless: '3.40.0', 'serverless-localstack': '1.4.0' }, bin: 'serverless/bin/serverless.js', plugin: true },
  osls4: { packages: { osls: '4.3.1' }, bin: 'osls/bin/serverless.js', plugin: false },
};

export const SCRATCH = fileURLToPath(new URL('../.scratch/', import.meta.url));

function installed(folder: string, spec: CliSpec): boolean {
  return Object.entries(spec.packages).every(([name, version]) => {
    const manifest = path.join(folder, 'node_modules', name, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === version;
  });
}

/**
 * Runs `work` holding `<folder>.lock`: test/run.ts runs files in parallel worker processes, and two npm installs
 * into one folder at once leave a broken node_modules. A lock whose holder has died (its pid is gone) is taken over.
 */
function withInstallLock(folder: string, work: () => void): void {
  const lock = `${folder}.lock`;
  const owner = path.join(lock, 'pid');
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  mkdirSync(SCRATCH, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // No pid yet: its holder is between mkdir and writeFileSync, so wait like for a live one.
      const pid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : 0;
      if (pid && !alive(pid)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    writeFileSync(owner, String(process.pid));
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The CLI's entry script, installed first when missing (the npm registry is needed once). */
export function ensureServerlessCli(name: ServerlessCliName): string {
  const spec = CLIS[name];
  const folder = path.join(SCRATCH, `deploy-${name}`);
  if (!installed(folder, spec)) {
    // Checked again under the lock: another worker may have installed it while this one waited.
    withInstallLock(folder, () => installed(folder, spec) || install(folder, spec));
  }
  return path.join(folder, 'node_modules', spec.bin);
}

function install(folder: string, spec: CliSpec): void {
  mkdirSync(folder, { recursive: true });
  const packages = Object.entries(spec.packages).map(([pkg, version]) => `${pkg}@${version}`);
  try {
    execFileSync('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund', '--ignore-scripts', ...packages], {
      stdio: 'pipe', timeout: 300_000,
    });
  } catch (error) {
    throw new Error(`could not install ${packages.join(' ')} into ${folder}: ${(error as Error).message}`);
  }
}

export const usesPlugin = (name: ServerlessCliName) => CLIS[name].plugin;

export interface ServerlessRun {
  code: number;
  /** stdout and stderr together, as a user sees them. */
  output: string;
  ms: number;
}

/**
 * `serverless <args>` in `serviceDir` against the emulator on `port`: the plugin is pointed there with EDGE_PORT,
 * osls 4 with AWS_ENDPOINT_URL (an IP, so that S3 stays path-style: §5.8). HOME is a folder outside the service
 * (a fresh one unless `home` is given), so nothing of the user's leaks in and the framework's own files (its
 * caches, ~/.serverlessrc) are never packaged.
 */
export async function runServerless(
  name: ServerlessCliName,
  serviceDir: string,
  args: string[],
  options: { port: number; pollMs?: number; home?: string },
): Promise<ServerlessRun> {
  const bin = ensureServerlessCli(name);
  mkdirSync(SCRATCH, { recursive: true });
  const home = options.home ?? mkdtempSync(path.join(SCRATCH, 'sls-home-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    // The CLI sleeps this long before every status poll (5 s by default).
    SLS_AWS_MONITORING_FREQUENCY: String(options.pollMs ?? 200),
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    ...(usesPlugin(name) ? { EDGE_PORT: String(options.port) } : { AWS_ENDPOINT_URL: `http://127.0.0.1:${options.port}` }),
  };
  const started = performance.now();
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: serviceDir, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`, ms: performance.now() - started };
  } finally {
    if (!options.home) rmSync(home, { recursive: true, force: true });
  }
}
