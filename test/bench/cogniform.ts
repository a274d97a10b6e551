import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { call, runLoad } from './load.js';
import { freePort, startServer } from './server.js';
import { createClientBody, createPoolBody, createUserBody, existingUser, setPasswordBody, type System } from './workload.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST_BIN = path.join(ROOT, 'dist/bin/cogniform.js');

/**
 * The real CLI with LevelDB on disk. The built dist is used when it is newer than every source file (so a stale
 * build is never measured); otherwise the source through tsx, whose one-time transpiling is over before the
 * server answers its health check.
 */
export function cogniformCommand(): { args: string[]; from: string } {
  if (existsSync(DIST_BIN) && statSync(DIST_BIN).mtimeMs >= Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'bin')))) {
    return { args: [DIST_BIN], from: 'dist/bin/cogniform.js' };
  }
  return { args: ['--import', 'tsx', path.join(ROOT, 'bin/cogniform.ts')], from: 'source (node --import tsx bin/cogniform.ts)' };
}

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((max, entry) => Math.max(max, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/**
 * Pools are made and filled through cogniform's own API (AdminCreateUser, 32 in flight; for sign-ins then
 * AdminSetUserPassword Permanent, likewise): the faithful way, and fast enough. `nodeArgs` go to the server's node
 * (e.g. `--cpu-prof` to see where its time goes).
 */
export const cogniform = (nodeArgs: string[] = []): System => ({
  name: 'cogniform',
  async prepare(workDir, poolSizes, log, options = {}) {
    const dataDir = path.join(workDir, 'cogniform-data');
    mkdirSync(dataDir, { recursive: true });
    const port = await freePort();
    const server = await startServer({
      command: process.execPath,
      args: [...nodeArgs, ...cogniformCommand().args, 'start', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir],
      cwd: ROOT,
      port,
      healthPath: '/_cogniform/health',
      logFile: path.join(workDir, 'cogniform.log'),
    });
    try {
      const poolIds: string[] = [];
      const clientIds: string[] = [];
      for (const [p, size] of poolSizes.entries()) {
        const { UserPool } = await call<{ UserPool: { Id: string } }>(server.endpoint, 'CreateUserPool', createPoolBody(`bench-${p}`));
        poolIds.push(UserPool.Id);
        const started = performance.now();
        const fill = async (operation: string, body: (i: number) => object) => {
          const result = await runLoad({
            endpoint: server.endpoint,
            operation,
            concurrency: 32,
            maxOps: size,
            maxSeconds: Number.POSITIVE_INFINITY,
            body,
            onProgress: (done) => size >= 10_000 && log(`    preloading pool ${p + 1}/${poolSizes.length}, ${operation}: ${done}/${size} users`),
          });
          if (result.errors) throw new Error(`preload failed: ${result.errors} errors, first: ${result.firstError}`);
        };
        await fill('AdminCreateUser', (i) => createUserBody(UserPool.Id, existingUser(i)));
        if (options.signIn) {
          await fill('AdminSetUserPassword', (i) => setPasswordBody(UserPool.Id, existingUser(i)));
          const { UserPoolClient } = await call<{ UserPoolClient: { ClientId: string } }>(
            server.endpoint, 'CreateUserPoolClient', createClientBody(UserPool.Id),
          );
          clientIds.push(UserPoolClient.ClientId);
        }
        log(`    pool ${p + 1}/${poolSizes.length} holds ${size} users (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
      const preload = `through its API: AdminCreateUser${options.signIn ? ', then AdminSetUserPassword Permanent' : ''}, 32 in flight`;
      return { server, poolIds, clientIds, preload };
    } catch (error) {
      await server.stop();
      throw error;
    }
  },
});
