#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { awsCommand } from '../src/cli/aws.js';
import { codes } from '../src/cli/codes.js';
import { deploy } from '../src/cli/deploy.js';
import { exportCommand } from '../src/cli/export.js';
import { importCommand } from '../src/cli/import.js';
import { init } from '../src/cli/init.js';
import { start } from '../src/cli/start.js';
import { ConfigError, parsePort, splitOrigins, type Config } from '../src/config.js';
import { VERSION } from '../src/version.js';

const USAGE = `cogniform ${VERSION}: a local AWS Cognito user-pools emulator

Usage:
  cogniform start [PATH...] [options]            run the emulator; reconcile and watch the templates in PATHs
                                                 (serverless.yml, CloudFormation YAML/JSON, or folders of them)
  cogniform deploy TEMPLATE [--stage S] [--param KEY=VALUE]
                                                 reconcile one template once into a running emulator
  cogniform codes [--pool ID] [--user NAME]      codes and temporary passwords it "sent", newest first
  cogniform export [FILE] [--data-dir DIR]       pools, clients, groups, users (with their credentials) and stacks
                                                 as a JSON state file (stdout without FILE)
  cogniform import FILE [--data-dir DIR]         load a state file; refuses pools or stacks that already exist and
                                                 writes nothing from a bad file
  cogniform aws ARGS...                          the AWS CLI against the emulator (--endpoint URL, else
                                                 http://localhost:$COGNIFORM_PORT), test/test credentials and
                                                 us-east-1 unless the environment sets them; exit code passed on
  cogniform init [DIR]                           write a starter serverless.yml and its handlers into DIR (default .);
                                                 never overwrites; then: cogniform start DIR

Options of start (environment variable in brackets):
  --port N            port to listen on, default 4566 [COGNIFORM_PORT]
  --host H            address to listen on, default localhost (IPv4 and IPv6 loopback) [COGNIFORM_HOST]
  --data-dir DIR      where state is kept, default ./.cogniform [COGNIFORM_DATA_DIR]
  --in-memory         keep state in memory only [COGNIFORM_IN_MEMORY=1]
  --region R          region of unsigned calls, default us-east-1 [COGNIFORM_REGION]
  --account-id ID     account in ARNs, default 000000000000 [COGNIFORM_ACCOUNT_ID]
  --issuer local|aws  token issuer: http://localhost:<port>/<poolId> (default) or
                      https://cognito-idp.<region>.amazonaws.com/<poolId> [COGNIFORM_ISSUER]
  --code 123456       send this code every time instead of random ones, for tests [COGNIFORM_CODE]
  --allow-origin O    a web app's origin (scheme://host[:port]) besides loopback whose pages may call the APIs
                      from a browser (CORS); repeatable or comma-separated; * allows every site's pages to drive
                      the emulator (unsafe) [COGNIFORM_ALLOW_ORIGINS]
  --stage S           serverless stage (\${opt:stage}, \${sls:stage}), default local
  --param KEY=VALUE   a template parameter (repeatable)
  --outputs FILE      write every stack's outputs as JSON after each reconcile
  --no-watch          reconcile the templates once, do not follow changes
  --verbose           log every request
  --seed FILE         import this state file (cogniform export) at start when the data dir is empty

Options of codes, deploy, export, import and aws:
  --endpoint URL      the running emulator, default http://localhost:4566
  --data-dir DIR      export and import: a stopped emulator's data dir instead of a running emulator
  --json              print JSON

  -h, --help          this text
  -v, --version       the version
`;

async function main(argv: string[]): Promise<number> {
  // Everything after `aws` is the AWS CLI's, so it is not parsed as cogniform's options.
  if (argv[0] === 'aws') return awsCommand(argv.slice(1));
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
      issuer: { type: 'string' },
      code: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      stage: { type: 'string' },
      param: { type: 'string', multiple: true },
      outputs: { type: 'string' },
      'no-watch': { type: 'boolean' },
      verbose: { type: 'boolean' },
      seed: { type: 'string' },
      endpoint: { type: 'string' },
      pool: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) return print(VERSION);
  const [command = 'help'] = positionals;
  if (values.help || command === 'help') return print(USAGE);
  if (command === 'codes') {
    return codes(values.endpoint ?? 'http://localhost:4566', { pool: values.pool, user: values.user, json: values.json });
  }
  if (command === 'deploy') {
    const [, file] = positionals;
    if (!file) throw new ConfigError('deploy: which template? cogniform deploy TEMPLATE [--stage S] [--param KEY=VALUE]');
    return deploy(values.endpoint ?? 'http://localhost:4566', file, { stage: values.stage, parameters: parseParams(values.param ?? []) });
  }
  if (command === 'export' || command === 'import') {
    const target = { endpoint: values.endpoint ?? 'http://localhost:4566', dataDir: values['data-dir'] };
    const [, file] = positionals;
    if (command === 'export') return exportCommand(target, file);
    if (!file) throw new ConfigError('import: which file? cogniform import FILE [--endpoint URL | --data-dir DIR]');
    return importCommand(target, file);
  }
  if (command === 'init') return init(positionals[1]);
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
  if (values.issuer !== undefined) overrides.issuer = values.issuer as Config['issuer'];
  if (values.code !== undefined) overrides.code = values.code;
  if (values['allow-origin'] !== undefined) overrides.allowOrigins = splitOrigins(values['allow-origin']);
  const paths = positionals.slice(1);
  const templates = paths.length
    ? {
        paths,
        watch: !values['no-watch'],
        stage: values.stage ?? 'local',
        parameters: parseParams(values.param ?? []),
        outputsFile: values.outputs,
      }
    : undefined;
  return start(overrides, values.verbose ?? false, templates, values.seed);
}

/** `--param KEY=VALUE`, repeatable. */
function parseParams(given: string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const pair of given) {
    const at = pair.indexOf('=');
    if (at < 1) throw new ConfigError(`--param: "${pair}" must be KEY=VALUE.`);
    parameters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return parameters;
}

function print(text: string): number {
  console.log(text.trimEnd());
  return 0;
}

function fail(error: unknown): never {
  const { code, message, cause } = error as { code?: string; message?: string; cause?: Error };
  if (error instanceof ConfigError || code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`cogniform: ${message}`);
    process.exit(2);
  }
  if (code === 'EADDRINUSE') {
    console.error(`cogniform: ${message}: another process holds that port; pick one with --port.`);
    process.exit(1);
  }
  if (code === 'LEVEL_DATABASE_NOT_OPEN') {
    console.error(`cogniform: cannot open the data dir: ${cause?.message ?? message}. Is another cogniform using it?`);
    process.exit(1);
  }
  console.error('cogniform: unexpected error', error);
  process.exit(1);
}

main(process.argv.slice(2)).then((code) => process.exit(code), fail);
