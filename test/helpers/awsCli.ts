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
  stdout: string;
  stderr: string;
}

function parseJson(stdout: string): unknown {
  if (!stdout.trim()) return {};
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

/** Runs `aws cognito-idp <args>` against `endpoint` with throwaway credentials and no user config. */
export function awsCli(endpoint: string, region = 'us-east-1') {
  return awsService(endpoint, 'cognito-idp', region);
}

/**
 * Runs `aws <service> <args>` (s3, s3api, cloudformation, lambda, sts, ssm, ecr ...) against `endpoint`, with
 * throwaway credentials and no user config. Output that is not JSON (`aws s3 ls`) comes back as `json: undefined`
 * with the text in `stdout`.
 */
export function awsService(endpoint: string, service: string, region = 'us-east-1') {
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
      const { stdout, stderr } = await run(AWS_CLI, ['--endpoint-url', endpoint, '--output', 'json', service, ...args], { env });
      return { code: 0, json: parseJson(stdout), stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stderr?: string };
      return { code: e.code ?? 1, json: undefined, stdout: (e as { stdout?: string }).stdout ?? '', stderr: e.stderr ?? String(error) };
    }
  };
}
