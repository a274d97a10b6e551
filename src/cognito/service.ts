import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation, RequestContext } from './deps.js';
import { UnsupportedOperationException, unknownOperation } from './errors.js';
import { buildOperations } from './operations/registry.js';
import { validateRequest } from './validate.js';

/** The user-pools API: operation name and JSON body in, response object out (or a CognitoError thrown). */
export type CognitoService = (operation: string, ctx: RequestContext, body: unknown) => Promise<unknown>;

export function createCognitoService(deps: Deps): CognitoService {
  const operations = buildOperations(deps);
  return async (name, ctx, body) => {
    const operation: Operation<unknown, unknown> | undefined = operations.get(name);
    if (!operation) {
      if (`${name}Command` in sdk) {
        throw new UnsupportedOperationException(`cogniform does not implement ${name} yet.`);
      }
      throw unknownOperation(name);
    }
    validateRequest(name, body);
    return operation(ctx, body);
  };
}
