import { pathToFileURL } from 'node:url';
import type { FunctionConfiguration, GetFunctionResponse } from '@aws-sdk/client-lambda';
import { DEFAULT_MEMORY_MB } from '../runtime/environment.js';
import type { DeployedFunction } from '../deployedFunctions.js';

// A function as GetFunctionConfiguration (and GetFunction, ListFunctions, UpdateFunction*) answers it: the fields
// and defaults of the Lambda API reference's FunctionConfiguration for a Zip function. A local function is always
// ready: State Active and LastUpdateStatus Successful, which `serverless deploy function` polls for
// (../shared/reference/serverless-deploy.md §5.7).

/** Lambda's timestamp format: `2024-05-01T12:00:00.000+0000` (ISO 8601 with a numeric offset, not `Z`). */
export function lambdaTime(iso: string): string {
  return iso.replace(/Z$/, '+0000');
}

export function functionConfiguration(fn: DeployedFunction): FunctionConfiguration {
  const { definition, state } = fn;
  const variables = definition.environment;
  return {
    FunctionName: definition.name,
    FunctionArn: `arn:aws:lambda:${definition.region}:${definition.accountId}:function:${definition.name}`,
    ...(definition.runtime ? { Runtime: definition.runtime as FunctionConfiguration['Runtime'] } : {}),
    Role: fn.stack.role,
    Handler: definition.handler,
    CodeSize: state.code.size,
    Description: fn.description,
    Timeout: definition.timeoutSeconds,
    MemorySize: definition.memorySize ?? DEFAULT_MEMORY_MB,
    LastModified: lambdaTime(state.lastModified),
    CodeSha256: state.code.sha256,
    Version: '$LATEST',
    // Lambda leaves Environment out when the function has no variables.
    ...(Object.keys(variables).length ? { Environment: { Variables: variables } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: state.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: fn.stack.architectures as FunctionConfiguration['Architectures'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${definition.name}` },
  };
}

/**
 * GetFunction's `Code`: on AWS a presigned URL of the package. Here the S3 object the code came from, when it did;
 * otherwise the local folder the code runs from (a host folder, or an unpacked zip that has no object).
 */
export function codeLocation(fn: DeployedFunction, baseUrl: string): GetFunctionResponse['Code'] {
  const object = fn.state.code.object;
  const location = object ? `${baseUrl}/${object.bucket}/${object.key.split('/').map(encodeURIComponent).join('/')}` : pathToFileURL(fn.definition.codeDir).href;
  return { RepositoryType: 'S3', Location: location };
}
