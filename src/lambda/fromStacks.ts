import path from 'node:path';
import type { StackRecord } from '../iac/stacks/stackRecord.js';
import type { FunctionDefinition } from './definition.js';

// The functions the stacks declare, for the local runtime. A function's code is a local folder: the one
// serverless-localstack's `lambda.mountCode` marker names (`Code: {S3Bucket: hot-reload, S3Key: <folder>}`, what
// cogniform's serverless compiler writes too), relative to the template when not absolute. Other code (an S3 zip,
// ZipFile) cannot run locally yet: the function is left out and `skipped` says why.

/** LocalStack's and serverless-localstack's name for "run the code from this local folder". */
export const MOUNTED_CODE_BUCKET = 'hot-reload';

export interface FunctionsOfStacks {
  definitions: FunctionDefinition[];
  /** One line per function that cannot run locally, saying why. */
  skipped: string[];
}

export function functionsOfStacks(stacks: StackRecord[], accountId: string): FunctionsOfStacks {
  const definitions: FunctionDefinition[] = [];
  const skipped: string[] = [];
  for (const stack of stacks) {
    for (const [logicalId, resource] of Object.entries(stack.Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const props = resource.Properties;
      const code = (props.Code ?? {}) as { S3Bucket?: unknown; S3Key?: unknown };
      if (code.S3Bucket !== MOUNTED_CODE_BUCKET || typeof code.S3Key !== 'string' || typeof props.Handler !== 'string') {
        skipped.push(
          `${stack.Name}/${logicalId}: its Code is not a local folder (Code: {S3Bucket: ${MOUNTED_CODE_BUCKET}, S3Key: <folder>}), so it cannot run locally`,
        );
        continue;
      }
      const variables = ((props.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
      definitions.push({
        name: resource.PhysicalId,
        handler: props.Handler,
        codeDir: path.resolve(path.dirname(stack.Source), code.S3Key),
        ...(typeof props.Runtime === 'string' ? { runtime: props.Runtime } : {}),
        environment: Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, String(value)])),
        // Lambda's default timeout is 3 seconds (CreateFunction reference, Timeout).
        timeoutSeconds: typeof props.Timeout === 'number' ? props.Timeout : Number(props.Timeout ?? 3),
        ...(props.MemorySize !== undefined ? { memorySize: Number(props.MemorySize) } : {}),
        region: stack.Region,
        accountId,
        stackName: stack.Name,
      });
    }
  }
  return { definitions, skipped };
}
