import { resolveConfig, type Config } from '../config.js';
import type { TemplateOptions } from '../iac/startTemplates.js';
import { startEmulator } from '../index.js';
import { isLoopbackHost } from '../server/listen.js';
import { VERSION } from '../version.js';

/** `cogniform start`: runs until SIGINT/SIGTERM, then closes the store; resolves to the exit code. */
export async function start(overrides: Partial<Config>, verbose: boolean, templates?: TemplateOptions, seed?: string): Promise<number> {
  const config = resolveConfig(overrides);
  if (templates) console.log(`cogniform ${VERSION}: loading ${templates.paths.join(', ')} (stage ${templates.stage})`);
  const emulator = await startEmulator({ ...config, logRequests: verbose, ...(templates ? { templates } : {}), ...(seed ? { seed } : {}) });
  const where = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${emulator.port}`;
  console.log(`cogniform ${VERSION} listening on ${where} (Cognito user pools API, AWS JSON 1.1)`);
  console.log(config.inMemory ? 'state: in memory (lost on exit)' : `state: LevelDB in ${config.dataDir}`);
  console.log(`region ${config.region}, account ${config.accountId}; health at ${where}/_cogniform/health`);
  console.log(`console at ${where}/_cogniform/ui`);
  if (config.allowOrigins?.length) {
    // `*` lets any site's page drive the emulator through the developer's browser (src/server/crossSite.ts).
    const every = config.allowOrigins.includes('*');
    console.log(`browser pages allowed besides loopback: ${every ? '* (every site: unsafe)' : config.allowOrigins.join(', ')}`);
  }
  if (!isLoopbackHost(config.host)) console.error(exposureWarning(config.host, emulator.port));

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      emulator.close().then(
        () => {
          console.log(`${signal}: closed the store; stopped`);
          resolve(0);
        },
        (error) => {
          console.error(`cogniform: ${signal}: error while closing the store`, error);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/**
 * The emulator has no authentication of its own (unsigned calls are accepted, /_cogniform/codes lists every code and
 * temporary password, /_cogniform/reset wipes everything), so being reachable from the network must be a choice.
 */
function exposureWarning(host: string, port: number): string {
  return [
    `cogniform: WARNING: listening on ${host}, which is not a loopback address: anyone who can reach this machine on`,
    `  port ${port} can use the emulator without credentials (create and sign in users, read every code and temporary`,
    `  password it "sent" at /_cogniform/codes, wipe its state at /_cogniform/reset).`,
    `  To keep it on this machine, start it with --host localhost (the default) or --host 127.0.0.1.`,
  ].join('\n');
}
