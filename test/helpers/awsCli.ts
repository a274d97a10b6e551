import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Debian package's CLI, as the issue asks (a pip or pyenv `aws` may differ in version and model). */
export const AWS_CLI = '/usr/bin/aws';

export interface CliResult {
  code: number;
  json: any;
  stderr: string;
}

/** Runs `aws cognito-idp <args>` against `endpoint` with throwaway credentials and no user config. */
export function awsCli(endpoint: string, region = 'us-east-1') {
  const home = mkdtempSync(path.join(tmpdir(), 'cogniform-awscli-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_PAGER: '',
  };
  return async (...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(AWS_CLI, ['--endpoint-url', endpoint, '--output', 'json', 'cognito-idp', ...args], { env });
      return { code: 0, json: stdout.trim() ? JSON.parse(stdout) : {}, stderr };
    } catch (error) {
      const e = error as { code?: number; stderr?: string };
      return { code: e.code ?? 1, json: undefined, stderr: e.stderr ?? String(error) };
    }
  };
}
