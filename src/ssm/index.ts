import { JsonServiceError, type JsonSurface } from '../server/edge.js';
import type { SsmDeps, SsmOperation } from './deps.js';
import { DeleteParameter } from './operations/deleteParameter.js';
import { GetParameter } from './operations/getParameter.js';
import { GetParameters } from './operations/getParameters.js';
import { GetParametersByPath } from './operations/getParametersByPath.js';
import { PutParameter } from './operations/putParameter.js';

/**
 * SSM Parameter Store, the part deploys and apps use: parameters kept in the store, per region. Every other
 * operation answers the UnknownOperationException that Cognito's surface answers an unknown target with.
 */
export function ssmSurface(deps: SsmDeps): JsonSurface {
  const operations: Record<string, SsmOperation> = {
    PutParameter: PutParameter(deps),
    GetParameter: GetParameter(deps),
    GetParameters: GetParameters(deps),
    DeleteParameter: DeleteParameter(deps),
    GetParametersByPath: GetParametersByPath(deps),
  };
  return {
    prefix: 'AmazonSSM',
    handle: async (operation, call) => {
      const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
      if (!run) throw new JsonServiceError('UnknownOperationException', `Unknown operation ${operation}`);
      return run(call.body, call.region);
    },
  };
}
