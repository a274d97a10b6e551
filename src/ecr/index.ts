import { JsonServiceError, type JsonSurface } from '../server/edge.js';
import { DescribeRepositories } from './operations/describeRepositories.js';

/**
 * ECR, only as far as `serverless remove` asks: DescribeRepositories on an empty registry. Every other
 * operation answers the UnknownOperationException that Cognito's surface answers an unknown target with.
 */
export function ecrSurface(deps: { accountId: string }): JsonSurface {
  const operations: Record<string, (body: unknown) => unknown> = {
    DescribeRepositories: DescribeRepositories(deps.accountId),
  };
  return {
    prefix: 'AmazonEC2ContainerRegistry_V20150921',
    handle: async (operation, call) => {
      const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
      if (!run) throw new JsonServiceError('UnknownOperationException', `Unknown operation ${operation}`);
      return run(call.body);
    },
  };
}
