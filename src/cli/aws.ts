import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * `cogniform aws ...`: the AWS CLI (`aws` on PATH) pointed at the emulator, as LocalStack's `awslocal` does: adds
 * `--endpoint-url` (unless given), and dummy credentials (test/test) and a region when the environment sets none, so
 * no real account is ever used by mistake. Everything else is passed through; the CLI's exit code is passed on.
 */
export function awsCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { endpoint, rest } = takeEndpoint(args, env);
  const cliArgs = rest.includes('--endpoint-url') || rest.some((a) => a.startsWith('--endpoint-url=')) ? rest : ['--endpoint-url', endpoint, ...rest];
  const childEnv = {
    ...env,
    AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID ?? 'test',
    AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY ?? 'test',
    ...(env.AWS_REGION || env.AWS_DEFAULT_REGION ? {} : { AWS_DEFAULT_REGION: env.COGNIFORM_REGION ?? 'us-east-1' }),
  };
  return new Promise((resolve) => {
    const child = spawn('aws', cliArgs, { stdio: 'inherit', env: childEnv });
    child.on('error', (error: NodeJS.ErrnoException) => {
      console.error(
        error.code === 'ENOENT'
          ? 'cogniform: the AWS CLI ("aws") is not on PATH; install it (https://aws.amazon.com/cli/) and try again.'
          : `cogniform: cannot run aws: ${error.message}`,
      );
      resolve(127);
    });
    // A CLI killed by a signal exits as shells report it: 128 + the signal's number.
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/** `--endpoint URL` (cogniform's own option, taken out), else COGNIFORM_PORT, else the default port 4566. */
function takeEndpoint(args: string[], env: NodeJS.ProcessEnv): { endpoint: string; rest: string[] } {
  const rest: string[] = [];
  let endpoint = `http://localhost:${env.COGNIFORM_PORT || 4566}`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--endpoint' && i + 1 < args.length) endpoint = args[++i]!;
    else if (arg.startsWith('--endpoint=')) endpoint = arg.slice('--endpoint='.length);
    else rest.push(arg);
  }
  return { endpoint, rest };
}
