#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, parsePort, resolveConfig, type Config } from '../src/config.js';
import { startEmulator } from '../src/index.js';
import { VERSION } from '../src/version.js';

const USAGE = `cogniform ${VERSION}: a local AWS Cognito user-pools emulator

Usage:
  cogniform start [options]     run the emulator

Options (environment variable in brackets):
  --port N            port to listen on, default 4566 [COGNIFORM_PORT]
  --host H            address to listen on, default localhost (IPv4 and IPv6 loopback) [COGNIFORM_HOST]
  --data-dir DIR      where state is kept, default ./.cogniform [COGNIFORM_DATA_DIR]
  --in-memory         keep state in memory only [COGNIFORM_IN_MEMORY=1]
  --region R          region of unsigned calls, default us-east-1 [COGNIFORM_REGION]
  --account-id ID     account in ARNs, default 000000000000 [COGNIFORM_ACCOUNT_ID]
  --verbose           log every request
  -h, --help          this text
  -v, --version       the version
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'in-memory': { type: 'boolean' },
      region: { type: 'string' },
      'account-id': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) return print(VERSION);
  const [command = 'help'] = positionals;
  if (values.help || command === 'help') return print(USAGE);
  if (command !== 'start') {
    console.error(`cogniform: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const overrides: Partial<Config> = {};
  if (values.port !== undefined) overrides.port = parsePort(values.port, '--port');
  if (values.host !== undefined) overrides.host = values.host;
  if (values['data-dir'] !== undefined) overrides.dataDir = values['data-dir'];
  if (values['in-memory']) overrides.inMemory = true;
  if (values.region !== undefined) overrides.region = values.region;
  if (values['account-id'] !== undefined) overrides.accountId = values['account-id'];
  const config = resolveConfig(overrides);

  const emulator = await startEmulator({ ...config, logRequests: values.verbose ?? false });
  console.log(`cogniform ${VERSION} listening on http://${config.host}:${emulator.port} (Cognito user pools API, AWS JSON 1.1)`);
  console.log(config.inMemory ? 'state: in memory (lost on exit)' : `state: LevelDB in ${config.dataDir}`);
  console.log(`region ${config.region}, account ${config.accountId}; health at http://${config.host}:${emulator.port}/_cogniform/health`);

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

function print(text: string): number {
  console.log(text.trimEnd());
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`cogniform: ${(error as Error).message}`);
      process.exit(2);
    }
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      console.error(`cogniform: ${(error as Error).message}: another process holds that port; pick one with --port.`);
      process.exit(1);
    }
    if ((error as { code?: string }).code === 'LEVEL_DATABASE_NOT_OPEN') {
      console.error(`cogniform: cannot open the data dir: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}. Is another cogniform using it?`);
      process.exit(1);
    }
    console.error('cogniform: unexpected error', error);
    process.exit(1);
  },
);
