import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startServer, type Server } from './server.js';

/**
 * Pinned so that runs compare against the same code; the newest releases when this benchmark was written.
 * serverless-offline 13 is the last major for Serverless Framework v3 (14 needs v4, which needs a login); osls is
 * the maintained fork of v3 that test/iac/load/serverless/package.test.ts also runs.
 */
export const SERVERLESS_OFFLINE_VERSION = '13.9.0';
export const OSLS_VERSION = '3.77.1';

/** Also where the project must live: the framework resolves `plugins` from the project's folder upwards. */
export const SCRATCH = path.resolve(import.meta.dirname, '.scratch');
const OSLS_BIN = path.join(SCRATCH, 'node_modules/osls/bin/serverless.js');

const installed = (name: string, version: string) => {
  const manifest = path.join(SCRATCH, 'node_modules', name, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === version;
};

/**
 * Installs both into test/bench/.scratch (gitignored) unless they are there. `--legacy-peer-deps`: the plugin's
 * peer is the `serverless` package, which osls stands in for; npm would otherwise install the original framework
 * beside it.
 */
export function ensureServerlessOffline(log: (line: string) => void): void {
  if (installed('serverless-offline', SERVERLESS_OFFLINE_VERSION) && installed('osls', OSLS_VERSION)) return;
  log(`installing serverless-offline@${SERVERLESS_OFFLINE_VERSION} and osls@${OSLS_VERSION} into test/bench/.scratch ...`);
  mkdirSync(SCRATCH, { recursive: true });
  execFileSync(
    'npm',
    ['install', '--prefix', SCRATCH, '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps',
      `serverless-offline@${SERVERLESS_OFFLINE_VERSION}`, `osls@${OSLS_VERSION}`],
    { stdio: 'inherit' },
  );
}

/**
 * `sls offline start` on the project: REST and HTTP API routes on one port without the stage prefix, handlers in
 * worker threads (its default, as cogniform's). `--noAuth`: it does not check Cognito tokens, so only its `/open`
 * route is compared, and its authorizer settings must not get in the way. It calls no AWS API, but the framework
 * wants credentials, so fake ones; HOME is the project's own, so no user config or telemetry state is read.
 */
export async function startServerlessOffline(projectDir: string, logFile: string): Promise<Server> {
  const [port, lambdaPort] = [await freePort(), await freePort()];
  const home = path.join(projectDir, '.home');
  mkdirSync(home, { recursive: true });
  return startServer({
    command: process.execPath,
    args: [OSLS_BIN, 'offline', 'start', '--host', '127.0.0.1', '--httpPort', String(port), '--lambdaPort', String(lambdaPort),
      '--noPrependStageInUrl', '--noAuth'],
    cwd: projectDir,
    env: {
      HOME: home, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off',
      AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test',
    },
    port,
    healthPath: '/open',
    logFile,
  });
}
