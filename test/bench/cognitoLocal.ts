import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { call } from './load.js';
import { freePort, startServer, type Server } from './server.js';
import { createClientBody, createPoolBody, emailOf, existingUser, PASSWORD, TEMPORARY_PASSWORD, type System } from './workload.js';

/** Pinned so that runs compare against the same code; the newest release when this benchmark was written. */
export const COGNITO_LOCAL_VERSION = '5.3.0';

const SCRATCH = path.resolve(import.meta.dirname, '.scratch');
const PACKAGE = path.join(SCRATCH, 'node_modules/cognito-local');

/** Installs the pinned cognito-local into test/bench/.scratch (gitignored) unless it is there already. */
export function ensureCognitoLocal(log: (line: string) => void): void {
  const manifest = path.join(PACKAGE, 'package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === COGNITO_LOCAL_VERSION) return;
  log(`installing cognito-local@${COGNITO_LOCAL_VERSION} into test/bench/.scratch ...`);
  mkdirSync(SCRATCH, { recursive: true });
  execFileSync('npm', ['install', '--prefix', SCRATCH, '--no-audit', '--no-fund', `cognito-local@${COGNITO_LOCAL_VERSION}`], {
    stdio: 'inherit',
  });
}

/**
 * cognito-local keeps each pool in `.cognito/db/<poolId>.json` (stormdb: the whole file re-serialized on every
 * write, dates as ISO strings), reads config from `.cognito/config.json`, both relative to its working directory,
 * and listens on env PORT and HOST (lib/server/config.js, lib/server/defaults.js).
 *
 * Preloading 100k users through its API would rewrite a growing file 100k times, so the pools are created through
 * its API (CreateUserPool, so the pool options are its own), it is stopped, and the users are written into the pool
 * files in the shape its AdminCreateUser stores (lib/targets/adminCreateUser.js), then it is started again. For
 * sign-ins the app client is created through its API too, and the users are written CONFIRMED with `PASSWORD`, as
 * its AdminSetUserPassword Permanent leaves them (lib/targets/adminSetUserPassword.js: Password, UserStatus).
 */
export const cognitoLocal: System = {
  name: 'cognito-local',
  async prepare(workDir, poolSizes, log, options = {}) {
    const cwd = path.join(workDir, 'cognito-local');
    const configDir = path.join(cwd, '.cognito');
    mkdirSync(configDir, { recursive: true });
    // Its default pool config makes email the username (UserPoolDefaults.UsernameAttributes ["email"]); an empty
    // list gives plain username pools, as AWS's own default and cogniform's.
    writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));

    const first = await start(cwd, workDir);
    const poolIds: string[] = [];
    const clientIds: string[] = [];
    try {
      for (const p of poolSizes.keys()) {
        const { UserPool } = await call<{ UserPool: { Id: string } }>(first.endpoint, 'CreateUserPool', createPoolBody(`bench-${p}`));
        poolIds.push(UserPool.Id);
        if (options.signIn) {
          const { UserPoolClient } = await call<{ UserPoolClient: { ClientId: string } }>(
            first.endpoint, 'CreateUserPoolClient', createClientBody(UserPool.Id),
          );
          clientIds.push(UserPoolClient.ClientId);
        }
      }
    } finally {
      await first.stop();
    }

    const now = new Date().toISOString();
    for (const [p, id] of poolIds.entries()) {
      const size = poolSizes[p]!;
      const file = path.join(configDir, 'db', `${id}.json`);
      const data = JSON.parse(readFileSync(file, 'utf8')) as { Users: Record<string, unknown> };
      for (let i = 0; i < size; i++) {
        const username = existingUser(i);
        data.Users[username] = {
          Username: username,
          Password: options.signIn ? PASSWORD : TEMPORARY_PASSWORD,
          Attributes: [
            { Name: 'email', Value: emailOf(username) },
            { Name: 'sub', Value: randomUUID() },
          ],
          Enabled: true,
          UserStatus: options.signIn ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
          UserCreateDate: now,
          UserLastModifiedDate: now,
          RefreshTokens: [],
        };
      }
      // Its own serializer's layout (JSON.stringify(obj, replacer, 2)).
      writeFileSync(file, JSON.stringify(data, null, 2));
      log(`    pool ${p + 1}/${poolSizes.length} file holds ${size} users`);
    }
    const server = await start(cwd, workDir);
    const preload = `pool${options.signIn ? ' and app client' : ''} created through its API, then users written into its pool file before start`;
    return { server, poolIds, clientIds, preload };
  },
};

async function start(cwd: string, workDir: string): Promise<Server> {
  const port = await freePort();
  return startServer({
    command: process.execPath,
    args: [path.join(PACKAGE, 'lib/bin/start.js')],
    cwd,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    port,
    healthPath: '/health',
    logFile: path.join(workDir, 'cognito-local.log'),
  });
}
