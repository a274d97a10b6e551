import { randomBytes } from 'node:crypto';
import type { FunctionDefinition } from '../definition.js';

// What a function's process.env holds: its own variables, then the ones Lambda defines, which win (Lambda refuses
// to let a function set its reserved keys). "Defined runtime environment variables",
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-runtime.html. Nothing of the emulator's own
// environment reaches a function except PATH (Lambda defines one, and child processes need it).

/** Lambda's default MemorySize (CreateFunction reference). */
export const DEFAULT_MEMORY_MB = 128;

/** Lambda's log stream names: `2024/05/01/[$LATEST]<32 hex digits>`, one per execution environment. */
export function logStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

export function lambdaEnvironment(definition: FunctionDefinition, streamName: string): Record<string, string> {
  const { name, region } = definition;
  return {
    ...definition.environment,
    ...(process.env.PATH ? { PATH: process.env.PATH } : {}),
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    _HANDLER: definition.handler,
    LAMBDA_TASK_ROOT: definition.codeDir,
    AWS_EXECUTION_ENV: `AWS_Lambda_${definition.runtime ?? 'nodejs20.x'}`,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(definition.memorySize ?? DEFAULT_MEMORY_MB),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: streamName,
    // The execution role's credentials on AWS; dummy ones here, which cogniform (like LocalStack) accepts.
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_SESSION_TOKEN: 'test',
  };
}
