import { resolveConfig, type Config } from '../config.js';
import type { TemplateOptions } from '../iac/startTemplates.js';
import { startEmulator } from '../index.js';
import { VERSION } from '../version.js';

/** `cogniform start`: runs until SIGINT/SIGTERM, then closes the store; resolves to the exit code. */
export async function start(overrides: Partial<Config>, verbose: boolean, templates?: TemplateOptions): Promise<number> {
  const config = resolveConfig(overrides);
  if (templates) console.log(`cogniform ${VERSION}: loading ${templates.paths.join(', ')} (stage ${templates.stage})`);
  const emulator = await startEmulator({ ...config, logRequests: verbose, ...(templates ? { templates } : {}) });
  const where = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${emulator.port}`;
  console.log(`cogniform ${VERSION} listening on ${where} (Cognito user pools API, AWS JSON 1.1)`);
  console.log(config.inMemory ? 'state: in memory (lost on exit)' : `state: LevelDB in ${config.dataDir}`);
  console.log(`region ${config.region}, account ${config.accountId}; health at ${where}/_cogniform/health`);

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
